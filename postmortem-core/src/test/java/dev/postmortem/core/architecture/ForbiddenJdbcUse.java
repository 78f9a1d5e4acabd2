package dev.postmortem.core.architecture;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A deliberately bad core class (test sources only): proves the architecture rule reports a
 * core class that reaches for JDBC.
 */
final class ForbiddenJdbcUse {

    private ForbiddenJdbcUse() {
    }

    static boolean isOpen(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
