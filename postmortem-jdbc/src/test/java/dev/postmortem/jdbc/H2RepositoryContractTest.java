package dev.postmortem.jdbc;

import dev.postmortem.core.postmortem.PostMortemRepository;
import dev.postmortem.testing.PostMortemRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract on an H2 file database, a new one for every test. */
class H2RepositoryContractTest extends PostMortemRepositoryContract {

    @TempDir
    Path folder;

    private H2TestDatabase database;

    @Override
    protected PostMortemRepository newRepository() {
        database = new H2TestDatabase(folder);
        return JdbcPostMortemRepository.builder(database.dataSource()).build();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
