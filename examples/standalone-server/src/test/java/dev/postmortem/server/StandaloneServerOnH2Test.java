package dev.postmortem.server;

import dev.postmortem.http.contract.ContractUsers;
import dev.postmortem.http.contract.HttpContractSuite;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP contract suite against the standalone server on its embedded H2 file database. */
class StandaloneServerOnH2Test extends HttpContractSuite {

    @TempDir
    static Path dataDir;

    private static PostMortemServer server;

    @BeforeAll
    static void startServer() {
        server = PostMortemServer.start(new ServerSettings("127.0.0.1", 0, dataDir, null, null, null,
                UserAccount.parseAll(ContractUsers.SPEC), false, true));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }
}
