package dev.postmortem.jdbc;

import java.nio.file.Path;

class PostgresStorageAtomicityTest extends StorageAtomicityContract {

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return PostgresTestDatabase.createOrSkip();
    }
}
