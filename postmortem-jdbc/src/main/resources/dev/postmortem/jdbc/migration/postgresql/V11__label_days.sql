-- postmortem schema, version 11: how many post-mortems carry each label on each day
-- (pm_label_day), for each audience that sees them: everyone in the tenant (the post-mortems past
-- DRAFT), admins (drafts), and each author and contributor of a draft (that draft). The
-- repository keeps the counts with every write that adds, moves or removes label rows or changes
-- who sees them. The recurrences of a year read these counts instead of every label row and its
-- post-mortem: at 1,000,000 post-mortems a year has about 29,000 label days for everyone against
-- 300,000 label rows (benchmarks/scale.sh postgres).

CREATE TABLE pm_label_day (
    tenant_id     VARCHAR(200)  NOT NULL,
    audience      VARCHAR(8)    NOT NULL CHECK (audience IN ('everyone', 'admins', 'viewer')),
    -- with audience viewer the author's or contributor's e-mail, lower-cased; else empty
    viewer        VARCHAR(320)  NOT NULL,
    incident_day  DATE          NOT NULL,
    kind          VARCHAR(10)   NOT NULL CHECK (kind IN ('service', 'tag', 'category')),
    label         VARCHAR(200)  NOT NULL,
    post_mortems  INTEGER       NOT NULL,
    PRIMARY KEY (tenant_id, audience, viewer, incident_day, kind, label)
);

INSERT INTO pm_label_day (tenant_id, audience, viewer, incident_day, kind, label, post_mortems)
SELECT l.tenant_id, a.audience, a.viewer, l.incident_day, l.kind, l.label, COUNT(*)
  FROM pm_label l
  JOIN (SELECT id, 'everyone' AS audience, '' AS viewer FROM pm_post_mortem WHERE status <> 'DRAFT'
        UNION ALL
        SELECT id, 'admins', '' FROM pm_post_mortem WHERE status = 'DRAFT'
        UNION ALL
        SELECT id, 'viewer', v FROM (
                -- an author who also contributes sees the draft once
                SELECT id, LOWER(created_by) AS v FROM pm_post_mortem WHERE status = 'DRAFT'
                UNION
                SELECT id, c FROM pm_post_mortem, UNNEST(contributors) c WHERE status = 'DRAFT') s) a ON a.id = l.post_mortem_id
 GROUP BY l.tenant_id, a.audience, a.viewer, l.incident_day, l.kind, l.label;

-- the recurrences read the post-mortems of a label's day back from here
DROP INDEX pm_label_tenant_day_idx;
CREATE INDEX pm_label_tenant_day_idx ON pm_label (tenant_id, incident_day, kind, label) INCLUDE (post_mortem_id);

ANALYZE pm_label_day;
