package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every acknowledged write survives a crash: the runnable jar runs as a child process on an
 * H2 data folder, takes writes, is killed with SIGKILL in the middle of work, and restarted on
 * the same folder; everything it answered 201 or 200 to must be there.
 */
class ServerDurabilityIT {

    private static final String AUTH = basic("carol@example.com:carol-pw");
    private static final String ADMIN = basic("admin@example.com:admin-pw");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void acknowledgedWritesSurviveSigkill() throws Exception {
        int port = LocalPorts.free();
        Process first = start(port);
        List<String> acknowledged = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> created = send("POST", port, "/api/postmortems", "{\"incidentId\":\"INC-" + i
                        + "\",\"title\":\"Crash test " + i + "\",\"summary\":\"Written before the kill\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                Matcher id = ID.matcher(created.body());
                assertThat(id.find()).isTrue();
                acknowledged.add(id.group(1));
            }
            HttpResponse<String> edited = send("PATCH", port, "/api/postmortems/" + acknowledged.get(0),
                    "{\"impact\":\"Edited just before the kill\"}");
            assertThat(edited.statusCode()).isEqualTo(200);
            HttpResponse<String> commented = send("POST", port, "/api/postmortems/" + acknowledged.get(1)
                    + "/comments", "{\"body\":\"Commented just before the kill\",\"anchor\":\"summary\"}");
            assertThat(commented.statusCode()).as(commented.body()).isEqualTo(201);
            HttpResponse<String> approved = send("POST", port, "/api/postmortems/" + acknowledged.get(2)
                    + "/approvals", null, ADMIN);
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            HttpResponse<String> classified = send("PATCH", port, "/api/postmortems/" + acknowledged.get(3),
                    "{\"tags\":[\"sigkill\"],\"servicesAffected\":[\"durable-service\"]}");
            assertThat(classified.statusCode()).as(classified.body()).isEqualTo(200);
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no orderly close of the database
            first.waitFor();
        }

        Process second = start(port);
        try {
            for (String id : acknowledged) {
                HttpResponse<String> read = send("GET", port, "/api/postmortems/" + id, null);
                assertThat(read.statusCode()).as("post-mortem %s after restart", id).isEqualTo(200);
            }
            assertThat(send("GET", port, "/api/postmortems/" + acknowledged.get(0), null).body())
                    .contains("Edited just before the kill");
            assertThat(send("GET", port, "/api/postmortems/" + acknowledged.get(1) + "/comments", null).body())
                    .contains("Commented just before the kill");
            assertThat(send("GET", port, "/api/postmortems/" + acknowledged.get(0) + "/history", null).body())
                    .contains("\"field\":\"impact\"", "Edited just before the kill");
            assertThat(send("GET", port, "/api/postmortems/" + acknowledged.get(2), null).body())
                    .contains("\"approvedBy\":\"admin@example.com\"");
            assertThat(send("GET", port, "/api/postmortems/" + acknowledged.get(2) + "/history", null).body())
                    .contains("approvals/admin@example.com");
            assertThat(send("GET", port, "/api/postmortems?q=commented", null).body())
                    .contains(acknowledged.get(1), "\"field\":\"comments/");
            assertThat(send("GET", port, "/api/postmortem-insights?groupBy=service&tag=sigkill", null).body())
                    .contains("\"key\":\"durable-service\",\"postMortems\":1");
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Process start(int port) throws IOException, InterruptedException {
        Path log = dataDir.resolve("server-" + System.nanoTime() + ".log");
        Process server = ServerJarProcess.start(List.of(), Map.of("POSTMORTEM_PORT", Integer.toString(port),
                "POSTMORTEM_DATA_DIR", dataDir.toString(), "POSTMORTEM_USERS",
                "carol@example.com:carol-pw,admin@example.com:admin-pw:admin"), log);
        HttpRequest templates = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/postmortem-templates")).timeout(Duration.ofSeconds(10)).header("Authorization", AUTH).build();
        assertThat(ServerJarProcess.awaitAnswer(server, http, templates, log).statusCode()).isEqualTo(200);
        return server;
    }

    private HttpResponse<String> send(String method, int port, String path, String json)
            throws IOException, InterruptedException {
        return send(method, port, path, json, AUTH);
    }

    private HttpResponse<String> send(String method, int port, String path, String json, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
