package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive the package phase writes works with the jar it writes, launched with
 * the README's options file. {@code -Xshare:on} makes the JVM refuse to start when the
 * archive does not match the jar or the JDK, instead of quietly starting slowly.
 */
class ClassDataArchiveIT {

    private static final Path ARCHIVE = Path.of("target", "postmortem-server.jsa");
    /** The README's {@code java @examples/standalone-server/jvm.options}; tests run in this module's folder. */
    private static final Path OPTIONS = Path.of("jvm.options");

    @TempDir
    Path dataDir;

    @Test
    void theServerStartsFromTheArchiveAndAnswers() throws Exception {
        assertThat(ARCHIVE).as("written by the package phase").exists();
        int port = LocalPorts.free();
        Path log = dataDir.resolve("server.log");
        // The options file names the archive relative to the repository's root; the later
        // option, relative to this module, wins.
        Process server = ServerJarProcess.start(List.of("@" + OPTIONS, "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE,
                        "-Xlog:class+load=info"),
                Map.of("POSTMORTEM_PORT", Integer.toString(port),
                        "POSTMORTEM_DATA_DIR", dataDir.resolve("data").toString()), log);
        try {
            HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/postmortems"))
                    .header("Authorization", "Basic YWxpY2VAZXhhbXBsZS5jb206YWxpY2U=") // the demo user alice
                    .timeout(Duration.ofSeconds(10)).build();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            assertThat(ServerJarProcess.awaitAnswer(server, http, list, log).statusCode()).isEqualTo(200);
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
}
