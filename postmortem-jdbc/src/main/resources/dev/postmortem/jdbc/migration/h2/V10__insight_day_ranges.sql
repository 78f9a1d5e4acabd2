-- postmortem schema, version 10: each action item and label row carries its post-mortem's day
-- (incident_day, kept by the repository with every write), so that the insights read a range of
-- them from one index instead of joining every item and label of the tenant.

ALTER TABLE pm_action_item ADD COLUMN incident_day DATE;
UPDATE pm_action_item SET incident_day =
    (SELECT p.incident_day FROM pm_post_mortem p WHERE p.id = pm_action_item.post_mortem_id);
ALTER TABLE pm_action_item ALTER COLUMN incident_day SET NOT NULL;
CREATE INDEX pm_action_item_tenant_day_idx ON pm_action_item (tenant_id, incident_day);

ALTER TABLE pm_label ADD COLUMN incident_day DATE;
UPDATE pm_label SET incident_day = (SELECT p.incident_day FROM pm_post_mortem p WHERE p.id = pm_label.post_mortem_id);
ALTER TABLE pm_label ALTER COLUMN incident_day SET NOT NULL;
-- no statement reads labels by (tenant, kind, label) without a range of days
DROP INDEX pm_label_tenant_idx;
CREATE INDEX pm_label_tenant_day_idx ON pm_label (tenant_id, incident_day);

ANALYZE;
