package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.testing.PostMortems;
import dev.postmortem.core.model.Limits;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The shipped migrations: idempotent, in their own history table, beside a host's tables and Flyway. */
abstract class SchemaMigrationContract extends DatabaseTest {

    @Override
    protected boolean migrated() {
        return false;
    }


    /**
     * Every text column is exactly as wide as the core's limit for what it stores, so that a
     * value validation accepts always fits (a 41-character time once passed validation and
     * failed the 40-character column). A new text column must be added here with its limit.
     */
    @Test
    void everyTextColumnIsAsWideAsTheLimitOfWhatItStores() throws SQLException {
        PostMortemSchema.migrate(dataSource());
        Map<String, Integer> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("pm_post_mortem.tenant_id", Limits.TENANT_ID),
                Map.entry("pm_post_mortem.incident_id", Limits.INCIDENT_ID),
                Map.entry("pm_post_mortem.title", Limits.TITLE),
                Map.entry("pm_post_mortem.summary", Limits.SECTION),
                Map.entry("pm_post_mortem.impact", Limits.SECTION),
                Map.entry("pm_post_mortem.root_cause", Limits.SECTION),
                Map.entry("pm_post_mortem.template_id", Limits.TEMPLATE_ID),
                Map.entry("pm_post_mortem.created_by", Limits.ACTOR_ID),
                Map.entry("pm_post_mortem.time_zone", Limits.TIME_ZONE),
                Map.entry("pm_post_mortem.category", Limits.CATEGORY_ID),
                Map.entry("pm_action_item.tenant_id", Limits.TENANT_ID),
                Map.entry("pm_action_item.description", Limits.ITEM_DESCRIPTION),
                Map.entry("pm_action_item.owner", Limits.OWNER),
                Map.entry("pm_action_item.owner_key", Limits.OWNER),
                Map.entry("pm_action_item.tracker_key", Limits.TRACKER_KEY),
                Map.entry("pm_action_item.tracker_url", Limits.TRACKER_URL),
                Map.entry("pm_comment.tenant_id", Limits.TENANT_ID),
                Map.entry("pm_comment.anchor", Limits.COMMENT_ANCHOR),
                Map.entry("pm_comment.author", Limits.ACTOR_ID),
                Map.entry("pm_comment.body", Limits.COMMENT_BODY),
                Map.entry("pm_comment.resolved_by", Limits.ACTOR_ID),
                Map.entry("pm_history.tenant_id", Limits.TENANT_ID),
                Map.entry("pm_history.changed_by", Limits.ACTOR_ID),
                Map.entry("pm_label.tenant_id", Limits.TENANT_ID),
                Map.entry("pm_label.label", Limits.SERVICE_NAME)));
        if (SqlDialect.of(dataSource()).keepsLabelDays()) {
            expected.put("pm_label_day.tenant_id", Limits.TENANT_ID);
            expected.put("pm_label_day.viewer", Limits.ACTOR_ID);
            expected.put("pm_label_day.label", Limits.SERVICE_NAME);
        }
        // enum names, checked by CHECK constraints: not author text
        List<String> enums = List.of("pm_post_mortem.status", "pm_action_item.status", "pm_action_item.priority",
                "pm_label.kind", "pm_label_day.kind",
                "pm_label_day.audience");
        // derived from the document for search, or a setting: never author text of their own
        List<String> derived = List.of("pm_post_mortem.search_details", "pm_search_language.language");

        Map<String, Integer> actual = new TreeMap<>();
        try (Connection connection = dataSource().getConnection();
             ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), "%", "%")) {
            while (columns.next()) {
                String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                String column = table + "." + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                boolean text = columns.getInt("DATA_TYPE") == Types.VARCHAR;
                if (table.startsWith("pm_") && !table.equals(PostMortemSchema.HISTORY_TABLE) && text
                        && !enums.contains(column) && !derived.contains(column)) {
                    actual.put(column, columns.getInt("COLUMN_SIZE"));
                }
            }
        }

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void createsThePrefixedTablesAndRecordsThemInItsOwnHistory() {
        PostMortemSchema.migrate(dataSource());
        PostMortemSchema.migrate(dataSource());

        // Flyway creates its table with a quoted lower-case name on every database.
        assertThat(strings("SELECT \"version\" FROM \"pm_schema_history\""
                + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        for (String table : List.of("pm_post_mortem", "pm_action_item", "pm_comment")) {
            assertThat(count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }
    }

    @Test
    void theNewestMigrationTheStartUpLooksForIsTheNewestShipped() {
        Flyway ours = Flyway.configure().dataSource(dataSource())
                .locations(SqlDialect.of(dataSource()).migrationLocation()).table(PostMortemSchema.HISTORY_TABLE)
                .load();

        assertThat(Arrays.stream(ours.info().all()).map(MigrationInfo::getVersion).max(Comparator.naturalOrder()))
                .contains(PostMortemSchema.NEWEST_MIGRATION);
    }

    @Test
    void skipsFlywayOnlyWhenTheHistoryEndsAtTheNewestMigration() throws Exception {
        assertThat(historyIsAtNewest()).as("no history table yet").isFalse();

        PostMortemSchema.migrate(dataSource());
        assertThat(historyIsAtNewest()).as("just migrated").isTrue();

        execute("INSERT INTO \"pm_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (90, '999', 'from a later release', 'SQL', 'V999__later.sql', 'test', 1, TRUE)");
        assertThat(historyIsAtNewest()).as("a newer release migrated this schema").isFalse();
    }

    @Test
    void aFailedMigrationInTheHistoryStopsTheStartInsteadOfBeingSkipped() throws Exception {
        PostMortemSchema.migrate(dataSource());
        execute("UPDATE \"pm_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'");

        assertThat(historyIsAtNewest()).isFalse();
        assertThatThrownBy(() -> PostMortemSchema.migrate(dataSource()))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("failed migration to version 1");
    }

    @Test
    void livesBesideTheHostsTablesAndTheHostsOwnFlyway() {
        Flyway host = Flyway.configure().dataSource(dataSource()).locations("classpath:host/migration").load();
        host.migrate();

        PostMortemSchema.migrate(dataSource());
        JdbcPostMortemRepository.builder(dataSource()).build().insert(PostMortems.postMortem().build());

        assertThat(host.validateWithResult().validationSuccessful).isTrue();
        assertThat(host.info().current().getVersion().getVersion()).isEqualTo("1");
        assertThat(strings("SELECT title FROM incident")).containsExactly("Checkout down");
        assertThat(count("SELECT COUNT(*) FROM pm_post_mortem")).isEqualTo(1L);
    }

    @Test
    void leavesTheSchemaAloneWhenTheHostRunsMigrationsItself() {
        JdbcPostMortemRepository repository = JdbcPostMortemRepository.builder(dataSource()).migrateSchema(false)
                .build();
        PostMortemSchema.catchUp(dataSource(), "simple"); // what a host calls after its migrations: nothing to do yet

        assertThatThrownBy(() -> repository.insert(PostMortems.postMortem().build()))
                .satisfies(e -> assertThat(stackTrace(e)).containsIgnoringCase("pm_post_mortem"));
        assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA"
                + " AND LOWER(table_name) LIKE 'pm!_%'"
                + " ESCAPE '!'")).isEmpty();
    }

    private boolean historyIsAtNewest() throws SQLException {
        try (Connection connection = dataSource().getConnection()) {
            return SchemaHistory.isAt(connection, PostMortemSchema.NEWEST_MIGRATION);
        }
    }

    private void execute(String sql) {
        Jdbi.create(dataSource()).useHandle(handle -> handle.execute(sql));
    }

    private List<String> strings(String sql) {
        Jdbi jdbi = Jdbi.create(dataSource());
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }

    private long count(String sql) {
        Jdbi jdbi = Jdbi.create(dataSource());
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
