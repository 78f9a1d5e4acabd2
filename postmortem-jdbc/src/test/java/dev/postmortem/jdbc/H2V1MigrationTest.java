package dev.postmortem.jdbc;

import java.nio.file.Path;

class H2V1MigrationTest extends V1MigrationContract {

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return new H2TestDatabase(folder);
    }
}
