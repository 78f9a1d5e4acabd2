package dev.postmortem.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresConcurrentUpdateTest extends ConcurrentUpdateContract {

    private PostgresTestDatabase database;

    @BeforeEach
    void createSchema() {
        database = PostgresTestDatabase.createOrSkip();
        PostMortemSchema.migrate(database.dataSource());
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected DataSource dataSource() {
        return database.dataSource();
    }
}
