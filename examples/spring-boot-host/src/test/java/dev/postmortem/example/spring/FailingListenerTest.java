package dev.postmortem.example.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.jdbc.EmbeddedH2;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A host's {@code @EventListener} that throws does not turn a stored create into a 500 (which
 * invites a duplicate retry): the answer is the 201, the failure is in the log with the
 * request's id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "demo.users=carol@example.com:carol-pw")
@ExtendWith(OutputCaptureExtension.class)
class FailingListenerTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("spring-host-listener");
        registry.add("spring.datasource.url", () -> EmbeddedH2.url(folder));
    }

    @TestConfiguration
    static class BrokenIntegration {
        @Bean
        ChatNotifier chatNotifier() {
            return new ChatNotifier();
        }
    }

    static class ChatNotifier {
        @EventListener
        public void on(DomainEvent event) {
            throw new IllegalStateException("the chat integration is down");
        }
    }

    @Test
    void aStoredCreateIsAnsweredAsStoredAndTheFailureLoggedWithTheRequestId(CapturedOutput log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("carol@example.com:carol-pw"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/postmortems")).header("Authorization", auth).header("Content-Type", "application/json")
                .header("X-Request-Id", "listener-test-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"incidentId\":\"INC-9\",\"title\":\"Listener down\","
                        + "\"summary\":\"Stored even so\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + created.headers().firstValue("Location").orElseThrow())).header("Authorization", auth)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(log.getOut()).contains("A domain event listener failed on PostMortemCreated")
                .contains("(request listener-test-1)").contains("the chat integration is down");
    }
}
