package dev.postmortem.server;

import dev.postmortem.core.review.ApprovalPolicy;
import dev.postmortem.testing.http.ContractUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;

/** Starts the standalone server in-process for tests outside this package. */
public final class TestServers {

    private TestServers() {
    }

    /** The incidents the README's demo serves, which the browser tests pick from. */
    public static final Path DEMO_INCIDENTS = Path.of("demo-incidents.json");

    /**
     * The server on a fresh H2 folder with the contract suite's users and the demo incidents, on
     * a free port.
     */
    public static Running onH2() {
        return onH2(ApprovalPolicy.NONE);
    }

    /** {@link #onH2()} publishing as {@code approvals} says. */
    public static Running onH2(ApprovalPolicy approvals) {
        try {
            PostMortemServer server = PostMortemServer.start(new ServerSettings("127.0.0.1", 0,
                    Files.createTempDirectory("postmortem-ui"), null, null, null,
                    UserAccount.parseAll(ContractUsers.SPEC), false, true).withIncidentsFile(DEMO_INCIDENTS)
                    .withApprovals(approvals));
            return new Running(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started server. */
    public static final class Running {
        private final PostMortemServer server;

        private Running(PostMortemServer server) {
            this.server = server;
        }

        public URI baseUri() {
            return URI.create("http://127.0.0.1:" + server.port());
        }

        public void stop() {
            server.stop();
        }
    }
}
