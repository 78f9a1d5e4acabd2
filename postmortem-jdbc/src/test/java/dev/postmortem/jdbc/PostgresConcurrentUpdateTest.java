package dev.postmortem.jdbc;

import java.nio.file.Path;

class PostgresConcurrentUpdateTest extends ConcurrentUpdateContract {

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return PostgresTestDatabase.createOrSkip();
    }
}
