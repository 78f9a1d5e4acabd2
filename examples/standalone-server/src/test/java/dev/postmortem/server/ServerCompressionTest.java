package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.testing.http.ContractUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Javalin binding writes each answer straight onto Javalin's response stream (no copy
 * through {@code ctx.result}); that stream is where Javalin gzips for clients that ask. A
 * client that accepts gzip must still get it, and the same bytes once unpacked.
 */
class ServerCompressionTest {

    private static final ContractUsers USER = ContractUsers.ADMIN;

    @TempDir
    static Path dataDir;

    private static PostMortemServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startServerWithAFullPage() throws Exception {
        server = PostMortemServer.start(new ServerSettings("127.0.0.1", 0, dataDir, null, null, null,
                UserAccount.parseAll(ContractUsers.SPEC), false, true));
        byte[] spec;
        try (InputStream in = ServerCompressionTest.class.getResourceAsStream("/dev/postmortem/testing/http/spec-example.json")) {
            spec = in.readAllBytes();
        }
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> created = HTTP.send(request("/api/postmortems")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(spec)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void aClientThatAcceptsGzipGetsTheListPageGzippedAndTheSameJsonUnpacked() throws Exception {
        HttpResponse<byte[]> plain = HTTP.send(request("/api/postmortems?limit=20").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = HTTP.send(request("/api/postmortems?limit=20")
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("\"items\":[");
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(gzipped.body().length).isLessThan(plain.body().length);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
    }

    @Test
    void aClientThatDoesNotAskForGzipGetsTheExactLength() throws Exception {
        HttpResponse<byte[]> plain = HTTP.send(request("/api/postmortems?limit=20").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.headers().firstValueAsLong("Content-Length")).hasValue(plain.body().length);
    }

    private static HttpRequest.Builder request(String path) {
        String credentials = USER.email() + ":" + USER.password();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
