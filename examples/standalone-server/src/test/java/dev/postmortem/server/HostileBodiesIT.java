package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar under the README's JVM options ({@code -Xmx96m}), hit by 64 clients at once
 * with bodies at the 1 MiB limit shaped to exhaust memory: tens of thousands of tiny
 * elements, fields or nested arrays. Every one is answered with a 4xx problem, none with a
 * 500, and the server has not run out of memory.
 */
class HostileBodiesIT {

    private static final int CLIENTS = 64;
    private static final int LIMIT = 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void sixtyFourWorstCaseBodiesAtOnceAreAllProblems() throws Exception {
        int port = LocalPorts.free();
        Path log = dataDir.resolve("server.log");
        Process server = ServerJarProcess.start(List.of("@jvm.options",
                        "-XX:SharedArchiveFile=target/postmortem-server.jsa"),
                Map.of("POSTMORTEM_PORT", Integer.toString(port), "POSTMORTEM_DATA_DIR",
                        dataDir.resolve("data").toString()), log);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/postmortems");
            ServerJarProcess.awaitAnswer(server, http, request(uri, "{}"), log);
            Map<String, String> bodies = Map.of(
                    "28,000 timeline events", filled("\"timeline\":[", i -> "{\"time\":\"10:00\",\"description\":\"e"
                            + i + "\"}"),
                    "95,000 contributors", filled("\"contributors\":[", i -> "\"c" + i + "@x\""),
                    "60,000 unknown fields", filled("\"f0\":0", i -> "\"f" + (i + 1) + "\":0"),
                    "nested arrays", filled("\"x\":[", i -> "[[]]"),
                    "one event with long texts", filled("\"timeline\":[{\"time\":\"10:00\",\"description\":\"",
                            i -> "word "));
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                assertThat(body.getValue().length()).as(body.getKey()).isBetween(LIMIT - 200, LIMIT);
                Map<Integer, Integer> statuses = sendAtOnce(http, uri, body.getValue());
                assertThat(statuses.keySet()).as(body.getKey() + ": " + statuses)
                        .allSatisfy(status -> assertThat(status).isBetween(400, 499));
            }
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.destroy();
            server.waitFor();
        }
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError").doesNotContain("failed unexpectedly");
    }

    /** A create body that {@code open}s a list or text and repeats {@code element} up to the size limit. */
    private static String filled(String open, IntFunction<String> element) {
        String head = "{\"incidentId\":\"INC-1\",\"title\":\"t\",\"summary\":\"s\"," + open;
        String close = open.endsWith("\"") ? "\"}]}" : open.endsWith("[") ? "]}" : "}";
        StringBuilder body = new StringBuilder(LIMIT).append(head);
        String separator = open.endsWith("\"") ? "" : ",";
        for (int i = 0; ; i++) {
            String next = (i == 0 && !open.endsWith(":0") ? "" : separator) + element.apply(i);
            if (body.length() + next.length() + close.length() > LIMIT) {
                return body.append(close).toString();
            }
            body.append(next);
        }
    }

    private static Map<Integer, Integer> sendAtOnce(HttpClient http, URI uri, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return http.send(request(uri, body), HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> reply : replies) {
                HttpResponse<String> response = reply.get(2, TimeUnit.MINUTES);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .as(response.statusCode() + " " + response.body()).startsWith("application/problem+json");
                statuses.merge(response.statusCode(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic YWxpY2VAZXhhbXBsZS5jb206YWxpY2U=") // the demo user alice
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
