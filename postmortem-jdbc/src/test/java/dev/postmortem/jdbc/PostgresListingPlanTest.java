package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.postmortem.PostMortemQuery;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL plans the listing statement once per connection and then reuses the plan. With
 * the page size bound as a parameter ({@code LIMIT $2}) it costed the generic plan as if a
 * tenth of the table were fetched, kept planning every execution anew, and spent twice the
 * database CPU per list request ({@code benchmarks/load.sh postgres}). The plan counts come from
 * the connection's {@code pg_prepared_statements}, so everything runs on one pooled connection.
 */
class PostgresListingPlanTest {

    private static final Actor ADMIN = Actor.admin("root@example.com", "acme");

    private PostgresTestDatabase database;
    private HikariDataSource oneConnection;

    @BeforeEach
    void thousandPostMortemsOnOneConnection() {
        database = PostgresTestDatabase.createOrSkip();
        PostMortemSchema.migrate(database.dataSource());
        Jdbi.create(database.dataSource()).useHandle(handle -> handle.execute("""
                INSERT INTO pm_post_mortem (id, tenant_id, incident_id, title, summary, status, created_at,
                    created_by, updated_at, version, content, incident_day)
                SELECT gen_random_uuid(), 'acme', 'INC-' || x, 'Title ' || x, 'Summary', 'PUBLISHED',
                       TIMESTAMPTZ '2024-01-01 00:00:00+00' + x * INTERVAL '1 minute', 'bob@example.com',
                       TIMESTAMPTZ '2024-01-01 00:00:00+00' + x * INTERVAL '1 minute', 1, '{}', DATE '2024-01-01'
                  FROM generate_series(1, 1000) AS x;
                ANALYZE pm_post_mortem"""));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setMaximumPoolSize(1);
        oneConnection = new HikariDataSource(config);
    }

    @AfterEach
    void close() throws Exception {
        if (oneConnection != null) {
            oneConnection.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theFirstPageIsPlannedOnceAndThenReused() {
        JdbcPostMortemRepository repository = JdbcPostMortemRepository.builder(oneConnection)
                .migrateSchema(false).build();
        PostMortemQuery firstPage = new PostMortemQuery(ADMIN, Set.of(), null, null, 20, null);
        for (int i = 0; i < 20; i++) {
            assertThat(repository.list(firstPage).items()).hasSize(20);
        }

        long genericPlans = Jdbi.create(oneConnection).withHandle(handle -> handle.createQuery("""
                SELECT COALESCE(SUM(generic_plans), 0) FROM pg_prepared_statements
                 WHERE statement LIKE '%FROM pm_post_mortem p%'""").mapTo(Long.class).one());
        assertThat(genericPlans).as("executions that reused the generic plan instead of planning again")
                .isPositive();
    }
}
