-- postmortem schema, version 10: each action item and label row carries its post-mortem's day
-- (incident_day, kept by the repository with every write), so that the insights read a range of
-- them from one index instead of joining every item and label of the tenant: a year of insights
-- over 1,000,000 post-mortems read all 3,000,000 items and labels for each figure.

ALTER TABLE pm_action_item ADD COLUMN incident_day DATE;
UPDATE pm_action_item a SET incident_day = p.incident_day FROM pm_post_mortem p WHERE p.id = a.post_mortem_id;
ALTER TABLE pm_action_item ALTER COLUMN incident_day SET NOT NULL;
-- everything the insights take of an item, so the range is read from the index alone
CREATE INDEX pm_action_item_tenant_day_idx ON pm_action_item (tenant_id, incident_day)
    INCLUDE (post_mortem_id, status, due_date, time_to_done_s);

ALTER TABLE pm_label ADD COLUMN incident_day DATE;
UPDATE pm_label l SET incident_day = p.incident_day FROM pm_post_mortem p WHERE p.id = l.post_mortem_id;
ALTER TABLE pm_label ALTER COLUMN incident_day SET NOT NULL;
-- no statement reads labels by (tenant, kind, label) without a range of days
DROP INDEX pm_label_tenant_idx;
CREATE INDEX pm_label_tenant_day_idx ON pm_label (tenant_id, incident_day) INCLUDE (kind, label, post_mortem_id);

ANALYZE pm_action_item;
ANALYZE pm_label;
