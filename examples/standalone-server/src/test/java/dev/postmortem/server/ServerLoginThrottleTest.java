package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.testing.http.ContractUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing a password over HTTP at full speed: after a few failures, 429 with Retry-After, right password or not. */
class ServerLoginThrottleTest {

    @TempDir
    Path dataDir;

    @Test
    void aThousandGuessesAreMostlyRefusedUnchecked() throws Exception {
        PostMortemServer server = PostMortemServer.start(new ServerSettings("127.0.0.1", 0, dataDir, null, null,
                null, UserAccount.parseAll(ContractUsers.SPEC), false, true));
        try {
            HttpClient http = HttpClient.newHttpClient();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                statuses.add(get(http, server, "carol@example.com:guess-" + i).statusCode());
            }
            HttpResponse<String> right = get(http, server, "carol@example.com:carol-pw");

            assertThat(statuses.stream().filter(status -> status == 401)).hasSize(LoginThrottle.USER_FAILURES);
            assertThat(statuses.stream().filter(status -> status == 429)).hasSize(1000 - LoginThrottle.USER_FAILURES);
            assertThat(right.statusCode()).as("the right password after the guesses").isEqualTo(429);
            assertThat(right.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
            assertThat(right.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(right.body()).contains("urn:postmortem:problem:too-many-attempts");
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> get(HttpClient http, PostMortemServer server, String credentials)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/postmortems"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
