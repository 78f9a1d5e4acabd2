package dev.postmortem.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.testing.DelegatingRepository;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A failure that is not the client's doing is a 500 problem with a request id, never a stack trace. */
class UnexpectedFailureTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");

    @Test
    void aFailingDatabaseIsA500ProblemCarryingTheRequestId() {
        PostMortemService service = PostMortemService.builder(new DelegatingRepository(
                new InMemoryPostMortemRepository()) {
            @Override
            public void insert(PostMortem postMortem) {
                throw new IllegalStateException("connection refused: secret-db.internal:5432");
            }
        }).build();
        PostMortemHttpApi api = PostMortemHttpApi.builder(service, request -> Optional.of(CAROL)).build();

        ApiResponse response = api.handle(new ApiRequest("POST", "/api/postmortems", Map.of(),
                name -> name.equalsIgnoreCase("Content-Type") ? "application/json" : null,
                () -> new ByteArrayInputStream("{\"incidentId\":\"INC-1\",\"title\":\"T\",\"summary\":\"S\"}"
                        .getBytes(StandardCharsets.UTF_8))));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        String requestId = response.headers().get("X-Request-Id");
        assertThat(response.bodyText()).contains("\"requestId\":\"" + requestId + "\"",
                "urn:postmortem:problem:internal-error").doesNotContain("secret-db", "IllegalStateException", "at dev.");
    }

    @Test
    void aResolverThatFailsIsAlsoA500NotACrash() {
        PostMortemService service = PostMortemService.builder(new InMemoryPostMortemRepository()).build();
        PostMortemHttpApi api = PostMortemHttpApi.builder(service, request -> {
            throw new IllegalStateException("identity provider down");
        }).build();

        ApiResponse response = api.handle(new ApiRequest("GET", "/api/postmortems", Map.of(), name -> null, null));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).doesNotContain("identity provider");
    }
}
