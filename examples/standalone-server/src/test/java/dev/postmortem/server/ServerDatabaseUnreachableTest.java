package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.testing.http.ContractUsers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The server's pool opens its first connection on the migration's thread, beside Jetty's
 * start (start-up time), not when it is built. A database that cannot be reached must still
 * stop the start at once, saying why, with no port left open: not after the pool's 30 s
 * connection timeout, and not by a server that answers 500 to everything.
 */
class ServerDatabaseUnreachableTest {

    @Test
    void aDatabaseThatRefusesConnectionsStopsTheStartAtOnceAndClosesThePort() throws Exception {
        int closedDatabasePort = LocalPorts.free();
        int port = LocalPorts.free();
        ServerSettings settings = new ServerSettings("127.0.0.1", port, null,
                "jdbc:postgresql://127.0.0.1:" + closedDatabasePort + "/test", "postgres", "",
                UserAccount.parseAll(ContractUsers.SPEC), false, true);

        Instant started = Instant.now();
        assertThatThrownBy(() -> PostMortemServer.start(settings))
                .hasStackTraceContaining("127.0.0.1:" + closedDatabasePort)
                .hasStackTraceContaining("refused");

        assertThat(Duration.between(started, Instant.now()))
                .as("fails with the first connection, not after the pool's 30 s timeout")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(LocalPorts.isListening(port)).as("the server's port is closed").isFalse();
    }
}
