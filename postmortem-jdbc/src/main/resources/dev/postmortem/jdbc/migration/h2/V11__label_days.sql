-- postmortem schema, version 11 on H2: the labels' day index keyed by kind and label too, as on
-- PostgreSQL. PostgreSQL's version 11 also adds pm_label_day, the labels' counts by day, which its
-- recurrences read; H2 joins by nested loops only and re-read those counts for every label row it
-- listed (a year at 100,000 did not finish in eight minutes), so on H2 the recurrences count the
-- label rows themselves and nothing keeps such counts.

DROP INDEX pm_label_tenant_day_idx;
CREATE INDEX pm_label_tenant_day_idx ON pm_label (tenant_id, incident_day, kind, label);
