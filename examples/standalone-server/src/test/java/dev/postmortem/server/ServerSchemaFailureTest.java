package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.testing.http.ContractUsers;
import dev.postmortem.jdbc.EmbeddedH2;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jetty starts while the schema is still being migrated (start-up time), so a migration that
 * fails must take the already listening server down with it: no port left open on a database
 * the server cannot use, and the host's data untouched.
 */
class ServerSchemaFailureTest {

    @TempDir
    Path dataDir;

    @Test
    void aSchemaThatCannotBeMigratedStopsTheServerAndClosesItsPort() throws Exception {
        // A table of ours that is not what V1 creates, without our history: V1 cannot run.
        try (Connection connection = DriverManager.getConnection(EmbeddedH2.url(dataDir), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE pm_post_mortem (kept VARCHAR(20))");
            statement.execute("INSERT INTO pm_post_mortem VALUES ('host data')");
        }
        int port = LocalPorts.free();

        assertThatThrownBy(() -> PostMortemServer.start(new ServerSettings("127.0.0.1", port, dataDir, null, null,
                null, UserAccount.parseAll(ContractUsers.SPEC), false, true)))
                .hasMessageContaining("pm_post_mortem");

        assertThat(LocalPorts.isListening(port)).as("the server's port is closed").isFalse();
        assertThat(rowsKept()).isEqualTo("host data");
    }

    private String rowsKept() throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedH2.url(dataDir), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT kept FROM pm_post_mortem")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
