package dev.postmortem.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/** A fresh H2 database in file mode (as the standalone server runs it), in a folder of the test's. */
final class H2TestDatabase implements TestDatabase {

    private final JdbcConnectionPool pool;

    H2TestDatabase(Path folder) {
        pool = JdbcConnectionPool.create(EmbeddedH2.url(folder), "sa", "");
        pool.setMaxConnections(16);
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
