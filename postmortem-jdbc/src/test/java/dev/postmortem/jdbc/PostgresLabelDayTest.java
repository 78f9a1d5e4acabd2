package dev.postmortem.jdbc;

import java.nio.file.Path;

class PostgresLabelDayTest extends LabelDayContract {

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return PostgresTestDatabase.createOrSkip();
    }
}
