package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive the package phase writes works with the jar it writes, launched the
 * way the README launches it. {@code -Xshare:on} makes the JVM refuse to start when the
 * archive does not match the jar or the JDK, instead of quietly starting slowly.
 */
class ClassDataArchiveIT {

    private static final Path JAR = Path.of("target", "postmortem-server.jar");
    private static final Path ARCHIVE = Path.of("target", "postmortem-server.jsa");

    @TempDir
    Path dataDir;

    @Test
    void theServerStartsFromTheArchiveAndAnswers() throws Exception {
        assertThat(ARCHIVE).as("written by the package phase").exists();
        int port = freePort();
        Path log = dataDir.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:class+load=info",
                "-XX:+UseSerialGC", "-Xmx128m", "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("POSTMORTEM_PORT", Integer.toString(port));
        builder.environment().put("POSTMORTEM_DATA_DIR", dataDir.resolve("data").toString());
        Process server = builder.start();
        try {
            assertThat(awaitList(server, port, log)).isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor();
        }
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).as("classes of the server and of its libraries come from the archive")
                .anyMatch(line -> line.contains("dev.postmortem.server.PostMortemServer source: shared objects file (top)"))
                .anyMatch(line -> line.contains("org.eclipse.jetty.server.Server source: shared objects file (top)"))
                .anyMatch(line -> line.contains("org.h2.engine.Database source: shared objects file (top)"));
    }

    private static int awaitList(Process server, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/postmortems"))
                .header("Authorization", "Basic YWxpY2VAZXhhbXBsZS5jb206YWxpY2U=") // the demo user alice
                .timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("server running; its output: %s", Files.readString(log)).isTrue();
            try {
                return http.send(list, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the server did not answer within 60 s; its output is in " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
