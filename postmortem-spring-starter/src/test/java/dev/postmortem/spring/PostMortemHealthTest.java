package dev.postmortem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.postmortem.PostMortemRepository;
import dev.postmortem.jdbc.PostgresTestDatabase;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PostMortemHealthTest {

    private final ApplicationContextRunner host = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    PostMortemAutoConfiguration.class, PostMortemHealthAutoConfiguration.class));

    private static String h2() {
        return "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void upWithTheSchemaVersionWhenTheTablesAreCurrent() {
        host.withPropertyValues(h2()).run(context -> {
            Health health = context.getBean(PostMortemHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("schemaVersion", "11");
        });
    }

    @Test
    void downNamingTheSettingWhenAHostThatMigratesItselfHasNotYet() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.createOrSkip()) {
            host.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                    "postmortem.jdbc.initialize-schema=never").run(context -> {
                Health health = context.getBean(PostMortemHealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails().get("schema").toString())
                        .contains("postmortem.jdbc.initialize-schema=always");
            });
        }
    }

    @Test
    void downWhenTheDatabaseIsGone() {
        host.withPropertyValues(h2()).run(context -> {
            context.getBean(javax.sql.DataSource.class).getConnection().createStatement().execute("SHUTDOWN");
            Health health = context.getBean(PostMortemHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        });
    }

    @Test
    void absentForAHostsOwnRepositoryOrWhenSwitchedOff() {
        host.withPropertyValues(h2()).withBean(PostMortemRepository.class, InMemoryPostMortemRepository::new)
                .run(context -> assertThat(context).doesNotHaveBean(PostMortemHealthIndicator.class));
        host.withPropertyValues(h2(), "management.health.postmortem.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PostMortemHealthIndicator.class));
    }
}
