package dev.postmortem.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A private schema in the test PostgreSQL, dropped on close. The server comes from
 * {@code POSTMORTEM_TEST_JDBC_URL}, else {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
 * When it cannot be reached the calling test is skipped with a message saying so, unless
 * {@code POSTMORTEM_REQUIRE_POSTGRES=true} (set by CI), which turns the skip into a failure.
 */
public final class PostgresTestDatabase implements TestDatabase {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String serverUrl;
    private final String schema;
    private final HikariDataSource dataSource;

    private PostgresTestDatabase(String serverUrl) throws SQLException {
        this.serverUrl = serverUrl;
        this.schema = "pm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setMaximumPoolSize(10);
        config.setPoolName(schema);
        dataSource = new HikariDataSource(config);
    }

    /** A new schema, or the test is skipped (or failed, on CI) when PostgreSQL is unreachable. */
    public static PostgresTestDatabase createOrSkip() {
        String url = System.getenv().getOrDefault("POSTMORTEM_TEST_JDBC_URL", DEFAULT_URL);
        try {
            return new PostgresTestDatabase(url);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + url + " (" + e.getMessage()
                    + "); skipping the PostgreSQL tests. Set POSTMORTEM_TEST_JDBC_URL to run them.";
            if (Boolean.parseBoolean(System.getenv("POSTMORTEM_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(message.replace("skipping", "required by POSTMORTEM_REQUIRE_POSTGRES,"
                        + " so failing instead of skipping"), e);
            }
            System.err.println("[postmortem tests] " + message);
            assumeTrue(false, message);
            throw new AssertionError("unreachable");
        }
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL of the private schema, for code that configures its own connections. */
    public String jdbcUrl() {
        return dataSource.getJdbcUrl();
    }

    @Override
    public void close() throws SQLException {
        dataSource.close();
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
