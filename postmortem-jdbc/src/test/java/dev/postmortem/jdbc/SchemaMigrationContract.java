package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.testing.PostMortems;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The shipped migrations: idempotent, in their own history table, beside a host's tables and Flyway. */
abstract class SchemaMigrationContract extends DatabaseTest {

    @Override
    protected boolean migrated() {
        return false;
    }


    @Test
    void createsThePrefixedTablesAndRecordsThemInItsOwnHistory() {
        PostMortemSchema.migrate(dataSource());
        PostMortemSchema.migrate(dataSource());

        // Flyway creates its table with a quoted lower-case name on every database.
        assertThat(strings("SELECT \"version\" FROM \"pm_schema_history\""
                + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                .containsExactly("1");
        for (String table : List.of("pm_post_mortem", "pm_timeline_event", "pm_action_item", "pm_contributor",
                "pm_status_change")) {
            assertThat(count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }
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

        assertThatThrownBy(() -> repository.insert(PostMortems.postMortem().build()))
                .satisfies(e -> assertThat(stackTrace(e)).containsIgnoringCase("pm_post_mortem"));
        assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA"
                + " AND LOWER(table_name) LIKE 'pm!_%'"
                + " ESCAPE '!'")).isEmpty();
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
