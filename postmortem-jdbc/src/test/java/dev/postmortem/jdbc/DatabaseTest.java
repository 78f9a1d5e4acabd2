package dev.postmortem.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test against a fresh database per test, H2 or PostgreSQL as the subclass chooses. */
abstract class DatabaseTest {

    /** A new, empty database in {@code folder} (which file databases may use). */
    protected abstract TestDatabase newDatabase(Path folder);

    /** Whether each test starts with the migrations applied. */
    protected boolean migrated() {
        return true;
    }

    @TempDir
    Path folder;

    private TestDatabase database;

    @BeforeEach
    void openDatabase() {
        database = newDatabase(folder);
        if (migrated()) {
            PostMortemSchema.migrate(database.dataSource());
        }
    }

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    protected DataSource dataSource() {
        return database.dataSource();
    }
}
