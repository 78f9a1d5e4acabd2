package dev.postmortem.jdbc;

import java.nio.file.Path;

class H2ConcurrentUpdateTest extends ConcurrentUpdateContract {

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return new H2TestDatabase(folder);
    }
}
