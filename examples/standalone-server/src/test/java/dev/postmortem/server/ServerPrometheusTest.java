package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.testing.http.ContractUsers;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus endpoint of the standalone server: off by default, on its own port when asked for. */
class ServerPrometheusTest {

    @TempDir
    Path dataDir;

    @Test
    void scrapesTheApisRequestsByRouteAndThePostMortemsCreated() throws Exception {
        PostMortemServer server = PostMortemServer.start(new ServerSettings("127.0.0.1", 0, dataDir, null, null,
                null, UserAccount.parseAll(ContractUsers.SPEC), false, true, 0));
        try {
            HttpClient http = HttpClient.newHttpClient();
            byte[] body;
            try (InputStream in = getClass().getResourceAsStream("/dev/postmortem/testing/http/spec-example.json")) {
                body = in.readAllBytes();
            }
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/postmortems"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "carol@example.com:carol-pw".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);

            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.prometheusPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/plain"));
            assertThat(scrape.body()).contains("postmortem_postmortems_creations_total 1.0")
                    .containsPattern("postmortem_actionitems_overdue [0-9.]+")
                    .containsPattern("postmortem_http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*"
                            + "status=\"201\"[^}]*uri=\"/api/postmortems\"[^}]*} 1")
                    .containsPattern("postmortem_usecases_seconds_count\\{[^}]*outcome=\"SUCCESS\"[^}]*"
                            + "usecase=\"create\"[^}]*} 1")
                    .doesNotContain(created.body().substring(7, 43)); // the new id: no series per id
        } finally {
            server.stop();
        }
    }

    @Test
    void isOffUnlessItsPortIsSetAndRefusesAPortThatIsNone() {
        assertThat(ServerSettings.fromEnvironment(Map.of()).prometheusPort()).isNull();
        assertThat(ServerSettings.fromEnvironment(Map.of("POSTMORTEM_PROMETHEUS_PORT", "9464")).prometheusPort())
                .isEqualTo(9464);
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("POSTMORTEM_PROMETHEUS_PORT", "metrics")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POSTMORTEM_PROMETHEUS_PORT");
    }
}
