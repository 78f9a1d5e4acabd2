package dev.postmortem.jdbc;

import java.nio.file.Path;

class PostgresSchemaMigrationTest extends SchemaMigrationContract {

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return PostgresTestDatabase.createOrSkip();
    }
}
