package dev.postmortem.http.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.http.ApiMetrics;
import dev.postmortem.http.ApiRequest;
import dev.postmortem.http.ApiResponse;
import dev.postmortem.http.PostMortemHttpApi;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The API's requests in a Micrometer registry, one series per route template, never per id. */
class MicrometerApiMetricsTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PostMortemHttpApi api = PostMortemHttpApi.builder(
            PostMortemService.builder(new InMemoryPostMortemRepository()).build(), request -> Optional.of(CAROL))
            .metrics(new MicrometerApiMetrics(registry)).build();

    @Test
    void eachAnswerIsTimedUnderItsRouteTemplateMethodAndStatus() {
        ApiResponse created = api.handle(new ApiRequest("POST", "/api/postmortems", Map.of(),
                name -> name.equalsIgnoreCase("Content-Type") ? "application/json" : null,
                () -> new ByteArrayInputStream("{\"incidentId\":\"INC-1\",\"title\":\"T\",\"summary\":\"S\"}"
                        .getBytes(StandardCharsets.UTF_8))));
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.bodyText());
        assertThat(id.find()).isTrue();
        get("/api/postmortems/" + id.group(1));
        get("/api/postmortems/" + id.group(1));
        get("/api/postmortems/" + java.util.UUID.randomUUID());
        get("/api/postmortems/" + id.group(1) + "/export");
        get("/api/postmortems/" + id.group(1) + "/no/such/thing");

        assertThat(timer("POST", "/api/postmortems", "201").count()).isEqualTo(1);
        assertThat(timer("GET", "/api/postmortems/{id}", "200").count()).isEqualTo(2);
        assertThat(timer("GET", "/api/postmortems/{id}", "404").count()).isEqualTo(1);
        assertThat(timer("GET", "/api/postmortems/{id}/export", "200").count()).isEqualTo(1);
        assertThat(timer("GET", ApiMetrics.UNMATCHED, "404").count()).isEqualTo(1);
        assertThat(timer("GET", "/api/postmortems/{id}", "200").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                .isPositive();
        assertThat(registry.find(MicrometerApiMetrics.REQUESTS).timers()).as("no series per id")
                .allSatisfy(timer -> assertThat(timer.getId().getTag("uri")).doesNotContain(id.group(1)));
        assertThat(timer("POST", "/api/postmortems", "201").getId().getTag("outcome")).isEqualTo("SUCCESS");
    }

    private void get(String path) {
        api.handle(new ApiRequest("GET", path, Map.of(), name -> null, null));
    }

    private Timer timer(String method, String uri, String status) {
        Timer timer = registry.find(MicrometerApiMetrics.REQUESTS).tags("method", method, "uri", uri, "status", status)
                .timer();
        assertThat(timer).as("%s %s %s", method, uri, status).isNotNull();
        return timer;
    }
}
