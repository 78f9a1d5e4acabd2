package dev.postmortem.jdbc;

import java.nio.file.Path;

class H2LabelDayTest extends LabelDayContract {

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return new H2TestDatabase(folder);
    }
}
