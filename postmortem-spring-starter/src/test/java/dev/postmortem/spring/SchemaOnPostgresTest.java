package dev.postmortem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.postmortem.ListPostMortemsQuery;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.jdbc.PostgresTestDatabase;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The starter's schema on a fresh PostgreSQL schema (skipped when PostgreSQL is unreachable),
 * beside a host that runs its own Flyway, as a platform embedding postmortem does.
 */
class SchemaOnPostgresTest {

    private static final Actor ALICE = Actor.user("alice@example.com", "default");

    private static ApplicationContextRunner host(PostgresTestDatabase database, String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        FlywayAutoConfiguration.class, PostMortemAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.flyway.locations=classpath:host-migrations")
                .withPropertyValues(properties);
    }

    @Test
    void theHostsFlywayMigratesTheEmptySchemaFirstThenOursFollows() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.createOrSkip()) {
            host(database, "postmortem.jdbc.initialize-schema=always").run(context -> {
                assertThat(context).hasNotFailed();
                JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
                assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success",
                        String.class)).as("the host's own history: its V1, nothing skipped by a baseline")
                        .containsExactly("1");
                assertThat(jdbc.queryForObject("SELECT count(*) FROM host_incident", Integer.class)).isZero();
                assertThat(jdbc.queryForList("SELECT version FROM pm_schema_history WHERE success AND version"
                        + " IS NOT NULL ORDER BY installed_rank", String.class))
                        .as("ours after it: a baseline below our V1, since the host's table was there first")
                        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
                PostMortemService service = context.getBean(PostMortemService.class);
                assertThat(service.list(ALICE, new ListPostMortemsQuery(Set.of(), null, null, null, null)).items())
                        .isEmpty();
            });
        }
    }

    @Test
    void underTheDefaultSettingAStartWithoutOurTablesFailsNamingTheSetting() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.createOrSkip()) {
            host(database).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("postmortem.jdbc.initialize-schema=always")
                        .hasMessageContaining("postmortem.jdbc.initialize-schema=never");
            });
            JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_schema ="
                    + " current_schema() AND table_name LIKE 'pm\\_%'", Integer.class))
                    .as("nothing of ours created behind the host's back").isZero();
        }
    }

    @Test
    void underTheDefaultSettingAStartFindsTheTablesAnEarlierStartCreated() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.createOrSkip()) {
            host(database, "postmortem.jdbc.initialize-schema=always").run(context -> assertThat(context)
                    .hasNotFailed());
            host(database).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(PostMortemService.class).list(ALICE,
                        new ListPostMortemsQuery(Set.of(), null, null, null, null)).items()).isEmpty();
            });
        }
    }

    @Test
    void withNeverTheHostsOwnToolingIsTrustedAndNothingIsChecked() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.createOrSkip()) {
            host(database, "postmortem.jdbc.initialize-schema=never").run(context -> assertThat(context)
                    .hasNotFailed());
        }
    }
}
