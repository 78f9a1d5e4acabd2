package dev.postmortem.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2ConcurrentUpdateTest extends ConcurrentUpdateContract {

    @TempDir
    Path folder;

    private H2TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = new H2TestDatabase(folder);
        PostMortemSchema.migrate(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected DataSource dataSource() {
        return database.dataSource();
    }
}
