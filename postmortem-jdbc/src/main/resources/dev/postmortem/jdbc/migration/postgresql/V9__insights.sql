-- postmortem schema, version 9: what the insights aggregate, as columns the repository keeps with
-- each write (all derived from the document): the post-mortem's day (incident_day: its
-- incident's date, else the UTC day of its creation), its key moments' durations in seconds, the
-- resolution and how long publication took after it; one row per service, tag and category
-- (pm_label) to group and find recurrences by; and when each action item was created and done.
-- Rows written before this version get their durations and labels from the repository at its
-- next start (insight_columns_version 0).

ALTER TABLE pm_post_mortem ADD COLUMN incident_day DATE;
UPDATE pm_post_mortem SET incident_day = COALESCE(incident_date, CAST(created_at AT TIME ZONE 'UTC' AS DATE));
ALTER TABLE pm_post_mortem ALTER COLUMN incident_day SET NOT NULL;
ALTER TABLE pm_post_mortem ADD COLUMN time_to_detect_s BIGINT;
ALTER TABLE pm_post_mortem ADD COLUMN time_to_acknowledge_s BIGINT;
ALTER TABLE pm_post_mortem ADD COLUMN time_to_mitigate_s BIGINT;
ALTER TABLE pm_post_mortem ADD COLUMN time_to_resolve_s BIGINT;
ALTER TABLE pm_post_mortem ADD COLUMN impact_duration_s BIGINT;
ALTER TABLE pm_post_mortem ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pm_post_mortem ADD COLUMN time_to_publish_s BIGINT;
ALTER TABLE pm_post_mortem ADD COLUMN insight_columns_version INTEGER DEFAULT 0 NOT NULL;

-- a tenant's post-mortems of a range of days: every insights query starts here, and reads
-- nothing else of the row (an index-only scan; the row with its content is 2 KB and more)
CREATE INDEX pm_post_mortem_tenant_day_idx ON pm_post_mortem (tenant_id, incident_day)
    INCLUDE (id, status, created_by, contributors, template_id, category, time_to_detect_s,
             time_to_acknowledge_s, time_to_mitigate_s, time_to_resolve_s, impact_duration_s,
             resolved_at, time_to_publish_s);

CREATE TABLE pm_label (
    post_mortem_id  UUID          NOT NULL REFERENCES pm_post_mortem (id) ON DELETE CASCADE,
    tenant_id       VARCHAR(200)  NOT NULL,
    kind            VARCHAR(10)   NOT NULL CHECK (kind IN ('service', 'tag', 'category')),
    -- services lower-cased, tags normalised, as the listing's filters compare them
    label           VARCHAR(200)  NOT NULL,
    PRIMARY KEY (post_mortem_id, kind, label)
);
CREATE INDEX pm_label_tenant_idx ON pm_label (tenant_id, kind, label);

ALTER TABLE pm_action_item ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pm_action_item ADD COLUMN done_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pm_action_item ADD COLUMN time_to_done_s BIGINT;
-- an item stored before came with its post-mortem as far as anyone can tell; when it was done is unknown
UPDATE pm_action_item SET created_at = (SELECT p.created_at FROM pm_post_mortem p WHERE p.id = pm_action_item.post_mortem_id);

ANALYZE pm_post_mortem;
