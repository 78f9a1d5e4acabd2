package dev.postmortem.jdbc;

import dev.postmortem.core.postmortem.PostMortemRepository;
import dev.postmortem.testing.PostMortemRepositoryContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract on PostgreSQL, in a schema of its own that is dropped afterwards. */
class PostgresRepositoryContractTest extends PostMortemRepositoryContract {

    private static PostgresTestDatabase database;
    private static JdbcPostMortemRepository migrated;

    @BeforeAll
    static void createSchema() {
        database = PostgresTestDatabase.createOrSkip();
        migrated = JdbcPostMortemRepository.builder(database.dataSource()).build();
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected PostMortemRepository newRepository() {
        // Migrating once per class keeps the run fast; each test starts from empty tables.
        Jdbi.create(database.dataSource()).useHandle(handle -> handle.execute("TRUNCATE pm_post_mortem CASCADE"));
        return migrated;
    }
}
