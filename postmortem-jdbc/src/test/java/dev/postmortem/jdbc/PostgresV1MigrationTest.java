package dev.postmortem.jdbc;

import java.nio.file.Path;

class PostgresV1MigrationTest extends V1MigrationContract {

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return PostgresTestDatabase.createOrSkip();
    }
}
