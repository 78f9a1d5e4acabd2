-- postmortem schema, version 8: search reads every text of a post-mortem and its review
-- comments, weighted for ranking: A the title, B summary and root cause, C the impact and the
-- rest of the document (search_details), D the comments. The repository writes search_words in
-- the configured text search language (pm_search_language) with each document and comment write;
-- rows written before this version are indexed here in 'simple', the default.

-- the document's texts beyond title, summary, impact and root cause, lower-cased, one per line:
-- the impact's and root cause's sub-sections, the timeline, the action items
ALTER TABLE pm_post_mortem ADD COLUMN search_details TEXT NOT NULL DEFAULT '';

UPDATE pm_post_mortem p
   SET search_details = lower(concat_ws(E'\n',
           content #>> '{impact,businessImpact}',
           (SELECT string_agg(f, E'\n') FROM jsonb_array_elements_text(
               CASE WHEN jsonb_typeof(content #> '{rootCause,contributingFactors}') = 'array'
                    THEN content #> '{rootCause,contributingFactors}' ELSE '[]' END) f),
           content #>> '{rootCause,whyNotCaughtEarlier}',
           (SELECT string_agg(l, E'\n') FROM jsonb_array_elements_text(
               CASE WHEN jsonb_typeof(content #> '{rootCause,lessonsLearned}') = 'array'
                    THEN content #> '{rootCause,lessonsLearned}' ELSE '[]' END) l),
           (SELECT string_agg(e ->> 'description', E'\n') FROM jsonb_array_elements(
               CASE WHEN jsonb_typeof(content -> 'timeline') = 'array' THEN content -> 'timeline' ELSE '[]' END) e),
           (SELECT string_agg(i ->> 'description', E'\n') FROM jsonb_array_elements(
               CASE WHEN jsonb_typeof(content -> 'actionItems') = 'array' THEN content -> 'actionItems' ELSE '[]' END) i)));

-- The language search_words is written in; the repository re-indexes every row when the host
-- configures another one.
CREATE TABLE pm_search_language (
    language  VARCHAR(63) NOT NULL
);
INSERT INTO pm_search_language (language) VALUES ('simple');

DROP INDEX pm_post_mortem_search_idx;
ALTER TABLE pm_post_mortem DROP COLUMN search_words;
ALTER TABLE pm_post_mortem ADD COLUMN search_words TSVECTOR NOT NULL DEFAULT '';

-- the same expression as SearchVector in postmortem-jdbc, in 'simple'; each part cut below
-- PostgreSQL's 1 MB limit of a tsvector
UPDATE pm_post_mortem p
   SET search_words =
           setweight(to_tsvector('simple', coalesce(p.title, '')), 'A')
        || setweight(to_tsvector('simple', left(coalesce(p.summary, '') || ' ' || coalesce(p.root_cause, ''), 50000)), 'B')
        || setweight(to_tsvector('simple', left(coalesce(p.impact, '') || ' ' || p.search_details, 150000)), 'C')
        || setweight(to_tsvector('simple', left(coalesce((SELECT string_agg(c.body, ' ' ORDER BY c.created_at, c.id)
                                                           FROM pm_comment c WHERE c.post_mortem_id = p.id), ''), 50000)), 'D');

CREATE INDEX pm_post_mortem_search_idx ON pm_post_mortem USING GIN (search_words);

ANALYZE pm_post_mortem;
