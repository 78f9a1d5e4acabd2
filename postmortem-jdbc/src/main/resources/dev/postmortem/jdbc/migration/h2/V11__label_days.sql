-- postmortem schema, version 11: how many post-mortems carry each label on each day (pm_label_day),
-- kept by the repository with every write that adds, moves or removes a label row, apart for the
-- post-mortems everyone in the tenant can open and for drafts. The recurrences read these counts
-- instead of every label row and its post-mortem.

CREATE TABLE pm_label_day (
    tenant_id     VARCHAR(200)  NOT NULL,
    incident_day  DATE          NOT NULL,
    kind          VARCHAR(10)   NOT NULL CHECK (kind IN ('service', 'tag', 'category')),
    label         VARCHAR(200)  NOT NULL,
    -- post-mortems past DRAFT, which every member of the tenant sees
    shared_count  INTEGER       NOT NULL,
    draft_count   INTEGER       NOT NULL,
    PRIMARY KEY (tenant_id, incident_day, kind, label)
);

INSERT INTO pm_label_day (tenant_id, incident_day, kind, label, shared_count, draft_count)
SELECT l.tenant_id, l.incident_day, l.kind, l.label,
       COUNT(*) FILTER (WHERE p.status <> 'DRAFT'), COUNT(*) FILTER (WHERE p.status = 'DRAFT')
  FROM pm_label l JOIN pm_post_mortem p ON p.id = l.post_mortem_id
 GROUP BY l.tenant_id, l.incident_day, l.kind, l.label;

ANALYZE;
