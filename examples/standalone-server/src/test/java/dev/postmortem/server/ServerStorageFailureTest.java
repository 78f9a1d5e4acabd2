package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.testing.http.ContractUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The embedded database on a real disk that fills up, then frees space, then turns read-only:
 * a storage failure is a 503 problem with Retry-After (never a 500), the server recovers by
 * itself once space returns with every acknowledged write kept, and a database it cannot
 * write is refused at start-up instead of failing the first POST.
 */
class ServerStorageFailureTest {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("carol@example.com:carol-pw".getBytes(StandardCharsets.UTF_8));
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    /** About 40 KB of text per post-mortem, so that a few hundred fill the disk's last megabyte. */
    private static final String BODY = "{\"incidentId\":\"INC-DISK\",\"title\":\"Disk test\",\"summary\":\""
            + "s".repeat(19_000) + "\",\"impact\":\"" + "i".repeat(19_000) + "\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aFullDiskIsA503UntilSpaceReturnsAndAReadOnlyDiskIsRefusedAtStart() throws Exception {
        try (SmallDisk disk = SmallDisk.mountOrSkip(24)) {
            Path data = disk.path().resolve("data");
            PostMortemServer server = PostMortemServer.start(settings(data));
            List<String> acknowledged = new ArrayList<>();
            try {
                disk.fillLeaving(1024);
                HttpResponse<String> refused = null;
                for (int i = 0; i < 500 && refused == null; i++) {
                    HttpResponse<String> created = send(server, "POST", "/api/postmortems", BODY);
                    if (created.statusCode() == 201) {
                        acknowledged.add(id(created));
                    } else {
                        refused = created;
                    }
                }
                assertThat(refused).as("the disk filled up").isNotNull();
                assertStorageProblem(refused);
                assertStorageProblem(send(server, "POST", "/api/postmortems", BODY));

                disk.freeFiller();
                HttpResponse<String> recovered = awaitCreate(server);
                assertThat(recovered.statusCode()).as("recovered without a restart: " + recovered.body())
                        .isEqualTo(201);
                acknowledged.add(id(recovered));
                for (String id : acknowledged) {
                    assertThat(send(server, "GET", "/api/postmortems/" + id, null).statusCode())
                            .as("acknowledged " + id).isEqualTo(200);
                }
            } finally {
                server.stop();
            }

            disk.remount(true);
            try {
                assertThatThrownBy(() -> PostMortemServer.start(settings(data))).hasMessageContaining("read-only");
            } finally {
                disk.remount(false);
            }
            PostMortemServer again = PostMortemServer.start(settings(data));
            try {
                for (String id : acknowledged) {
                    assertThat(send(again, "GET", "/api/postmortems/" + id, null).statusCode()).isEqualTo(200);
                }
            } finally {
                again.stop();
            }
        }
    }

    private HttpResponse<String> awaitCreate(PostMortemServer server) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> last;
        do {
            last = send(server, "POST", "/api/postmortems", BODY);
            if (last.statusCode() != 201) {
                assertStorageProblem(last);
                Thread.sleep(200);
            }
        } while (last.statusCode() != 201 && Instant.now().isBefore(deadline));
        return last;
    }

    private static void assertStorageProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("urn:postmortem:problem:unavailable");
    }

    private static ServerSettings settings(Path data) {
        return new ServerSettings("127.0.0.1", 0, data, null, null, null, UserAccount.parseAll(ContractUsers.SPEC),
                false, true);
    }

    private HttpResponse<String> send(PostMortemServer server, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", AUTH).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> created) {
        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).as(created.body()).isTrue();
        return id.group(1);
    }
}
