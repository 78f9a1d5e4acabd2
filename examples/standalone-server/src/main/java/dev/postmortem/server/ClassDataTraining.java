package dev.postmortem.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training run behind the server's class-data sharing archive. The build runs this class
 * from the server jar under {@code -XX:ArchiveClassesAtExit=target/postmortem-server.jsa}: it
 * starts the server on a throw-away H2 folder, sends every kind of request once, and stops.
 * Every class loaded on the way goes into the archive, and a server launched with
 * {@code -XX:SharedArchiveFile=...jsa} maps them instead of loading, verifying and linking
 * them again, which is most of its start-up time.
 *
 * <p>It fails (exit status 1, failing the build) when an answer is not the expected one, since
 * an archive trained on errors would hold the error path instead of the normal one, and a
 * server that cannot answer these requests should not be packaged anyway.
 */
final class ClassDataTraining {

    private static final String USER = "trainer@example.com";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String CREATE_BODY = """
            {"incidentId": "INC-1", "title": "Training run", "templateId": "database-outage",
             "summary": "Loads the classes of a create.",
             "timeline": [{"time": "14:30", "description": "First alert"}],
             "actionItems": [{"description": "Add an alert", "owner": "trainer@example.com",
                              "priority": "HIGH", "dueDate": "2030-01-01"}]}
            """;

    private final HttpClient client = HttpClient.newHttpClient();
    private final String authorization;
    private final URI base;

    private ClassDataTraining(int port, String password) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("postmortem-training");
        String password = Long.toHexString(System.nanoTime());
        PostMortemServer server = PostMortemServer.start(ServerSettings.fromEnvironment(Map.of(
                "POSTMORTEM_PORT", "0",
                "POSTMORTEM_DATA_DIR", dataDir.toString(),
                "POSTMORTEM_USERS", USER + ":" + password + ":admin")));
        try {
            new ClassDataTraining(server.port(), password).exercise();
        } finally {
            server.stop();
            deleteRecursively(dataDir);
        }
    }

    private void exercise() throws IOException, InterruptedException {
        String created = send("POST", "/api/postmortems", CREATE_BODY, 201);
        Matcher id = ID.matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("the create answer holds no id: " + created);
        }
        String document = "/api/postmortems/" + id.group(1);
        send("GET", document, null, 200);
        send("PATCH", document, "{\"impact\": \"None, a training run.\"}", 200);
        send("GET", "/api/postmortems?limit=20", null, 200);
        send("GET", "/api/postmortems?status=DRAFT&limit=20", null, 200);
        send("GET", document + "/export", null, 200);
        send("GET", "/api/postmortem-templates", null, 200);
        send("POST", "/api/postmortems", "{\"title\": \"\"}", 400);
        send("GET", "/postmortems", null, 200);
    }

    private String send(String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (method.equals("PATCH")) {
            request.header("If-Match", "*");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                    + " instead of " + expected + ": " + response.body());
        }
        return response.body();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
