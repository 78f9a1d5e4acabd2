package dev.postmortem.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What the insights read, written straight into the seeded rows by a few statements (the seeder's
 * V1 documents have no key moments to derive it from, and deriving 1,000,000 documents one by one
 * would measure the upgrade, not the query): incident days spread evenly over ten years from
 * {@link ScaleSeeder#FIRST_DAY}, durations varying with the row's rank, publication within ten
 * days of resolution for the published ones, and one service of 50, one tag of 20 and one
 * category of 9 per post-mortem, and on PostgreSQL their counts by day; the action items and labels on their
 * post-mortem's day.
 */
final class InsightFixture {

    private InsightFixture() {
    }

    static void derive(DataSource dataSource, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            // read again by the labels' insert, which takes the day the update below wrote
            String ranked = "(SELECT id, tenant_id, incident_day, ROW_NUMBER() OVER (ORDER BY created_at) - 1 AS n"
                    + " FROM pm_post_mortem)";
            String columns = """
                    incident_day = DATE '%s' + CAST(r.n * %d / %d AS INTEGER),
                    time_to_detect_s = 60 + MOD(r.n * 37, 3600), time_to_acknowledge_s = 30 + MOD(r.n * 13, 600),
                    time_to_mitigate_s = 600 + MOD(r.n * 71, 7200),
                    time_to_resolve_s = 600 + MOD(r.n * 71, 7200) + MOD(r.n * 17, 3600),
                    impact_duration_s = 600 + MOD(r.n * 71, 7200), resolved_at = created_at,
                    time_to_publish_s = CASE WHEN published_at IS NULL THEN NULL ELSE MOD(r.n * 97, 864000) END,
                    insight_columns_version = 1""".formatted(ScaleSeeder.FIRST_DAY, ScaleSeeder.DAYS, count);
            statement.execute(postgres
                    ? "UPDATE pm_post_mortem SET " + columns + " FROM " + ranked + " r WHERE pm_post_mortem.id = r.id"
                    : "MERGE INTO pm_post_mortem USING " + ranked + " r ON pm_post_mortem.id = r.id"
                            + " WHEN MATCHED THEN UPDATE SET " + columns);
            statement.execute("INSERT INTO pm_label (post_mortem_id, tenant_id, kind, label, incident_day)"
                    + " SELECT id, tenant_id, 'service', 'service-' || MOD(n, 50), incident_day FROM " + ranked + " r"
                    + " UNION ALL SELECT id, tenant_id, 'tag', 'tag-' || MOD(n, 20), incident_day FROM " + ranked + " r"
                    + " UNION ALL SELECT id, tenant_id, 'category', 'category-' || MOD(n, 9), incident_day FROM "
                    + ranked + " r");
            if (postgres) {
                // the labels' counts, as the repository keeps them with each write (V11); the seeded
                // post-mortems have no contributors, so a draft's viewers are its author
                statement.execute("DELETE FROM pm_label_day");
                statement.execute("INSERT INTO pm_label_day (tenant_id, audience, viewer, incident_day, kind, label,"
                        + " post_mortems) SELECT l.tenant_id, a.audience, a.viewer, l.incident_day, l.kind, l.label, COUNT(*)"
                        + " FROM pm_label l JOIN ("
                        + "SELECT id, 'everyone' AS audience, '' AS viewer FROM pm_post_mortem WHERE status <> 'DRAFT'"
                        + " UNION ALL SELECT id, 'admins', '' FROM pm_post_mortem WHERE status = 'DRAFT'"
                        + " UNION ALL SELECT id, 'viewer', LOWER(created_by) FROM pm_post_mortem WHERE status = 'DRAFT'"
                        + ") a ON a.id = l.post_mortem_id"
                        + " GROUP BY l.tenant_id, a.audience, a.viewer, l.incident_day, l.kind, l.label");
            }
            statement.execute(postgres
                    ? "UPDATE pm_action_item SET incident_day = p.incident_day FROM pm_post_mortem p"
                            + " WHERE p.id = pm_action_item.post_mortem_id"
                    : "MERGE INTO pm_action_item USING pm_post_mortem p ON p.id = pm_action_item.post_mortem_id"
                            + " WHEN MATCHED THEN UPDATE SET incident_day = p.incident_day");
            if (postgres) {
                statement.execute("VACUUM (ANALYZE) pm_post_mortem, pm_label, pm_label_day, pm_action_item");
            } else {
                statement.execute("ANALYZE");
            }
        }
    }
}
