package dev.postmortem.jdbc;

import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2SchemaMigrationTest extends SchemaMigrationContract {

    @TempDir
    Path folder;

    private H2TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = new H2TestDatabase(folder);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    protected String tableCase(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
