package dev.postmortem.jdbc;

import javax.sql.DataSource;

/** A database that exists for one test or test class and is dropped when closed. */
public interface TestDatabase extends AutoCloseable {

    DataSource dataSource();

    @Override
    void close() throws Exception;
}
