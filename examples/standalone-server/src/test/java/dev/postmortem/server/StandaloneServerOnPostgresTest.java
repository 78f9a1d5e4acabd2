package dev.postmortem.server;

import dev.postmortem.testing.http.ContractIncidents;
import dev.postmortem.testing.http.ContractReview;
import dev.postmortem.testing.http.ContractUsers;
import dev.postmortem.testing.http.HttpContractSuite;
import dev.postmortem.jdbc.PostgresTestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP contract suite against the standalone server on PostgreSQL (skipped when unreachable). */
class StandaloneServerOnPostgresTest extends HttpContractSuite {

    private static PostgresTestDatabase database;
    private static PostMortemServer server;

    @TempDir
    static Path catalog;

    @BeforeAll
    static void startServer() {
        database = PostgresTestDatabase.createOrSkip();
        server = PostMortemServer.start(new ServerSettings("127.0.0.1", 0, Path.of("unused"), database.jdbcUrl(),
                null, null, UserAccount.parseAll(ContractUsers.SPEC), false, true)
                .withIncidentsFile(ContractIncidents.writeJsonFile(catalog))
                .withFollowUp(new ServerSettings.FollowUp(ZoneId.of(ContractUsers.TIME_ZONE), null, 0))
                .withApprovals(ContractReview.POLICY));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }
}
