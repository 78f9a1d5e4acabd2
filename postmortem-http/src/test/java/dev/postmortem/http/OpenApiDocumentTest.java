package dev.postmortem.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document shipped in the jar: valid OpenAPI 3.1, listing exactly the routes the API
 * has, and served with the mount points the host chose. That every answer conforms to it is the
 * contract suite's part ({@code OpenApiConformance}).
 */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void isAValidOpenApi31Document() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(shipped(), null, options);
        assertThat(result.getMessages()).as("the parser's findings").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void documentsEveryRouteAndNothingElse() throws Exception {
        PostMortemHttpApi api = api(PostMortemHttpApi.DEFAULT_BASE_PATH, PostMortemHttpApi.DEFAULT_TEMPLATES_PATH);
        List<String> documented = new ArrayList<>();
        JSON.readTree(shipped()).get("paths").properties().forEach(path -> names(path.getValue())
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(anyParameterName(documented)).containsExactlyInAnyOrderElementsOf(
                anyParameterName(api.routeTable()));
    }

    @Test
    void isServedWithTheHostsMountPoints() throws Exception {
        PostMortemHttpApi api = PostMortemHttpApi.builder(PostMortemService.builder(new InMemoryPostMortemRepository())
                .build(), request -> request.header("Authorization") == null ? Optional.empty()
                : Optional.of(new Actor("alice@example.com", "Alice", false, "default")))
                .basePath("/incidents/reviews").templatesPath("/incidents/review-templates")
                .incidentsPath("/incidents/catalog").actionItemsPath("/incidents/follow-up")
                .insightsPath("/incidents/figures").build();
        ApiResponse response = api.handle(new ApiRequest("GET", "/incidents/reviews/openapi.json", Map.of(),
                name -> name.equals("Authorization") ? "signed-in" : null, InputStream::nullInputStream, "192.0.2.1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", OpenApiDocument.MEDIA_TYPE);
        JsonNode paths = JSON.readTree(response.bodyText()).get("paths");
        assertThat(names(paths)).contains("/incidents/reviews", "/incidents/reviews/{id}",
                "/incidents/reviews/{id}/action-items/{itemId}", "/incidents/review-templates/{templateId}",
                "/incidents/catalog", "/incidents/catalog/{incidentId}", "/incidents/follow-up", "/incidents/figures")
                .noneMatch(path -> path.startsWith("/api/"));
    }

    @Test
    void isNotServedToAnonymousCallers() {
        PostMortemHttpApi api = api(PostMortemHttpApi.DEFAULT_BASE_PATH, PostMortemHttpApi.DEFAULT_TEMPLATES_PATH);
        ApiResponse response = api.handle(new ApiRequest("GET", "/api/postmortems/openapi.json", Map.of(),
                name -> null, InputStream::nullInputStream, "192.0.2.1"));
        assertThat(response.status()).isEqualTo(401);
    }

    private static PostMortemHttpApi api(String basePath, String templatesPath) {
        ActorResolver anyoneSignedIn = request -> request.header("Authorization") == null ? Optional.empty()
                : Optional.of(new Actor("alice@example.com", "Alice", false, "default"));
        return PostMortemHttpApi.builder(PostMortemService.builder(new InMemoryPostMortemRepository()).build(),
                anyoneSignedIn).basePath(basePath).templatesPath(templatesPath).build();
    }

    /** {@code GET /a/{id}/b/{eventId}} and {@code GET /a/{id}/b/{elementId}} are the same route. */
    private static List<String> anyParameterName(List<String> operations) {
        return operations.stream().map(operation -> operation.replaceAll("\\{[^}]+}", "{}")).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String shipped() throws Exception {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
