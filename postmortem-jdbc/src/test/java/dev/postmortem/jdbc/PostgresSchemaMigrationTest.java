package dev.postmortem.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresSchemaMigrationTest extends SchemaMigrationContract {

    private PostgresTestDatabase database;

    @BeforeEach
    void createSchema() {
        database = PostgresTestDatabase.createOrSkip();
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

    @Override
    protected String tableCase(String name) {
        return name;
    }
}
