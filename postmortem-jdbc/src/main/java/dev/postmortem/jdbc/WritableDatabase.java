package dev.postmortem.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A start-up check that the database takes writes: on a read-only disk an embedded H2 opens
 * its file read-only without complaint, and a PostgreSQL standby or a
 * {@code default_transaction_read_only} database reads fine, so without this check the first
 * write, long after start-up, is the first to find out.
 */
public final class WritableDatabase {

    private WritableDatabase() {
    }

    /** @throws IllegalStateException saying why, when the database is read-only or cannot be reached */
    public static void require(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            if (connection.getMetaData().isReadOnly() || readOnlyTransactions(connection)) {
                throw new IllegalStateException("The database " + url + " is read-only; postmortem needs to write"
                        + " to it. For an embedded H2 database, check that its folder is on a writable disk and"
                        + " that its files may be written; for PostgreSQL, that this is not a standby and that"
                        + " default_transaction_read_only is off.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to check it takes writes: " + e.getMessage(),
                    e);
        }
    }

    private static boolean readOnlyTransactions(Connection connection) throws SQLException {
        if (SqlDialect.of(connection) != SqlDialect.POSTGRESQL) {
            return false;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW transaction_read_only")) {
            return rows.next() && "on".equalsIgnoreCase(rows.getString(1));
        }
    }
}
