package dev.postmortem.jdbc;

import java.nio.file.Path;

class PostgresReminderTest extends ReminderContract {

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return PostgresTestDatabase.createOrSkip();
    }
}
