package dev.postmortem.testing.http.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Generated requests against one API, thousands per run ({@code -Dpostmortem.fuzz.cases}),
 * from a seed printed with every failure ({@code -Dpostmortem.fuzz.seed} replays it). Each
 * answer must hold what the contract promises whatever was sent: never a 5xx; every error an
 * RFC 9457 problem; a refused write changes no stored post-mortem and creates none; what an
 * accepted write answers is what the next read returns.
 */
public abstract class ApiFuzzContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUZZ_INCIDENT = "INC-FUZZ";

    /** Sends one request, the post-mortem's path placeholders filled in, as {@code caller} (or anonymously). */
    protected abstract FuzzAnswer send(String method, String path, Map<String, List<String>> query,
                                       Map<String, String> headers, byte[] body, ContractUsers caller);

    /** The longest text generated into a path segment or query value; unbounded in-process. */
    protected int maxUriText() {
        return Integer.MAX_VALUE;
    }

    /** How many requests a run sends when {@code postmortem.fuzz.cases} is not set. */
    protected int defaultCases() {
        return 2000;
    }

    @Test
    void generatedRequestsNeverBreakTheContract() {
        long seed = Long.getLong("postmortem.fuzz.seed", new SecureRandom().nextLong());
        int cases = Integer.getInteger("postmortem.fuzz.cases", defaultCases());
        RequestGenerator generator = new RequestGenerator(new Random(seed), maxUriText());
        JsonNode document = create();
        Map<String, Integer> answered = new TreeMap<>();
        for (int i = 0; i < cases; i++) {
            FuzzRequest request = generator.next();
            String where = "fuzz case " + i + " of seed " + seed + " (replay: -Dpostmortem.fuzz.seed=" + seed
                    + " -Dpostmortem.fuzz.cases=" + (i + 1) + "): " + request;
            JsonNode before = read(document);
            JsonNode fuzzed = fuzzedCount();
            String path = request.path().replace("{id}", document.get("id").asText())
                    .replace("{event}", firstId(before, "timeline")).replace("{item}", firstId(before, "actionItems"));
            Map<String, String> headers = new LinkedHashMap<>(request.headers());
            headers.replaceAll((name, value) -> value.replace("{etag}", "\"" + before.get("version").asLong() + "\""));

            FuzzAnswer answer;
            try {
                answer = send(request.method(), path, request.query(), headers, request.body(),
                        caller(request.caller()));
            } catch (RuntimeException e) {
                throw new AssertionError("no answer to " + where, e);
            }

            answered.merge(request.method() + " " + answer.status(), 1, Integer::sum);
            assertThat(answer.status()).as(where + "\n-> " + answer).isBetween(100, 499);
            if (answer.status() >= 400 && !request.method().equals("HEAD")) {
                assertProblem(answer, where);
            }
            if (request.isWrite() && answer.status() >= 400) {
                assertThat(read(document)).as("a refused write changed the post-mortem: " + where + "\n-> " + answer)
                        .isEqualTo(before);
                assertThat(fuzzedCount()).as("a refused write created one: " + where).isEqualTo(fuzzed);
            }
            if (request.isWrite() && answer.status() >= 200 && answer.status() < 300) {
                assertReadBackAsAnswered(answer, request, where);
            }
            document = current(document);
        }
        System.out.printf("[postmortem tests] %s: %d generated requests, seed %d, answered %s%n",
                getClass().getSimpleName(), cases, seed, answered);
    }

    private void assertReadBackAsAnswered(FuzzAnswer answer, FuzzRequest request, String where) {
        JsonNode answered = parse(answer.body());
        if (answered == null || !answered.has("id") || !answered.has("version")) {
            return;
        }
        String path = RequestGenerator.BASE + "/" + answered.get("id").asText();
        FuzzAnswer read = send("GET", path, Map.of(), Map.of(), null, caller(request.caller()));
        if (read.status() == 404) {
            // A contributor who took themselves off a draft may no longer see it; what is
            // stored is still what they were answered, as an admin's read shows; what the caller
            // may do next is theirs, not the admin's.
            read = send("GET", path, Map.of(), Map.of(), null, ContractUsers.ADMIN);
            JsonNode stored = parse(read.body());
            for (String callerDependent : List.of("allowedTransitions", "allowedEdits")) {
                ((ObjectNode) answered).remove(callerDependent);
                ((ObjectNode) stored).remove(callerDependent);
            }
            assertThat(stored).as("what the write answered is what is stored: " + where).isEqualTo(answered);
            return;
        }
        assertThat(parse(read.body())).as("what the write answered is what a read returns: " + where)
                .isEqualTo(answered);
    }

    private static void assertProblem(FuzzAnswer answer, String where) {
        assertThat(answer.header("Content-Type")).as(where + "\n-> " + answer).startsWith("application/problem+json");
        JsonNode problem = parse(answer.body());
        assertThat(problem).as("a problem document: " + where + "\n-> " + answer).isNotNull();
        assertThat(problem.path("type").asText()).as(where).startsWith("urn:postmortem:problem:");
        assertThat(problem.path("status").asInt()).as(where).isEqualTo(answer.status());
        assertThat(problem.path("detail").asText()).as(where).isNotBlank();
    }

    /** The fuzzed post-mortem, or a new one when a fuzzed request deleted it. */
    private JsonNode current(JsonNode document) {
        FuzzAnswer read = send("GET", RequestGenerator.BASE + "/" + document.get("id").asText(), Map.of(), Map.of(),
                null, ContractUsers.ADMIN);
        return read.status() == 404 ? create() : parse(read.body());
    }

    private JsonNode read(JsonNode document) {
        FuzzAnswer read = send("GET", RequestGenerator.BASE + "/" + document.get("id").asText(), Map.of(), Map.of(),
                null, ContractUsers.ADMIN);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return parse(read.body());
    }

    private JsonNode fuzzedCount() {
        FuzzAnswer list = send("GET", RequestGenerator.BASE, Map.of("incidentId", List.of(FUZZ_INCIDENT),
                "limit", List.of("100")), Map.of(), null, ContractUsers.ADMIN);
        return parse(list.body()).get("items");
    }

    private JsonNode create() {
        FuzzAnswer created = send("POST", RequestGenerator.BASE, Map.of(), Map.of("Content-Type", "application/json"),
                ("{\"incidentId\":\"INC-FUZZ-HOME\",\"title\":\"Fuzzed\",\"summary\":\"Changed by generated requests\","
                        + "\"timeline\":[{\"time\":\"10:00\",\"description\":\"first\"}],"
                        + "\"actionItems\":[{\"description\":\"first item\",\"owner\":\"dave@example.com\"}],"
                        + "\"contributors\":[\"dave@example.com\"]}").getBytes(StandardCharsets.UTF_8),
                ContractUsers.CAROL);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return parse(created.body());
    }

    private static String firstId(JsonNode document, String list) {
        JsonNode elements = document.get(list);
        return elements != null && !elements.isEmpty() ? elements.get(0).get("id").asText() : "none";
    }

    private static ContractUsers caller(String email) {
        return email == null ? null : Arrays.stream(ContractUsers.values())
                .filter(user -> user.email().equals(email)).findFirst().orElseThrow();
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
