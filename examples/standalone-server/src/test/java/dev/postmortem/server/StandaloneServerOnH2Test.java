package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.testing.http.ContractIncidents;
import dev.postmortem.testing.http.ContractReview;
import dev.postmortem.testing.http.ContractUsers;
import dev.postmortem.testing.http.HttpContractSuite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP contract suite against the standalone server on its embedded H2 file database. */
class StandaloneServerOnH2Test extends HttpContractSuite {

    @TempDir
    static Path dataDir;

    private static PostMortemServer server;

    @BeforeAll
    static void startServer() {
        server = PostMortemServer.start(new ServerSettings("127.0.0.1", 0, dataDir, null, null, null,
                UserAccount.parseAll(ContractUsers.SPEC), false, true)
                .withIncidentsFile(ContractIncidents.writeJsonFile(dataDir.resolve("catalog")))
                .withFollowUp(new ServerSettings.FollowUp(ZoneId.of(ContractUsers.TIME_ZONE), null, 0))
                .withApprovals(ContractReview.POLICY));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    /** The server is the API and nothing else: every path outside it is a 404 problem too, whatever the method. */
    @Test
    void everyPathOutsideTheApiIsAProblem() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String method : new String[] {"GET", "OPTIONS", "TRACE", "DELETE", "PROPFIND"}) {
            for (String path : new String[] {"/", "/index.html", "/api", "/api/other"}) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(baseUri().resolve(path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(404);
                assertThat(answer.headers().firstValue("Content-Type")).as(method + " " + path)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }
}
