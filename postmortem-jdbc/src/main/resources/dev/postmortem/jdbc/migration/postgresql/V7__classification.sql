-- postmortem schema, version 7: what the listing filters a post-mortem by, as columns: its tags,
-- its root-cause category, and the services its impact names (lower-cased copies of those in
-- content, which the document reads).

ALTER TABLE pm_post_mortem ADD COLUMN tags VARCHAR(50)[] NOT NULL DEFAULT '{}';
ALTER TABLE pm_post_mortem ADD COLUMN category VARCHAR(100);
ALTER TABLE pm_post_mortem ADD COLUMN services VARCHAR(200)[] NOT NULL DEFAULT '{}';

UPDATE pm_post_mortem
   SET services = ARRAY(SELECT LOWER(s) FROM jsonb_array_elements_text(content #> '{impact,servicesAffected}') s)
 WHERE jsonb_typeof(content #> '{impact,servicesAffected}') = 'array';

-- tags @> ARRAY[...] and services @> ARRAY[...] are answered from these
CREATE INDEX pm_post_mortem_tags_idx ON pm_post_mortem USING GIN (tags);
CREATE INDEX pm_post_mortem_services_idx ON pm_post_mortem USING GIN (services);
CREATE INDEX pm_post_mortem_tenant_category_idx ON pm_post_mortem (tenant_id, category, created_at DESC, id DESC);

ANALYZE pm_post_mortem;
