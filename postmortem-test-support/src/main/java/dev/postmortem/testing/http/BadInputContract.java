package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ADMIN;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind gets a 4xx problem naming what is wrong, and never changes what is
 * stored: each case runs beside a stored post-mortem and checks it, and the number of
 * post-mortems of its incident, afterwards.
 */
abstract class BadInputContract extends ContractTopic {

    BadInputContract(ContractClient api) {
        super(api);
    }

    /**
     * One bad request. {@code path} may hold {@code {id}}, {@code {event}} and {@code {item}}
     * (the stored post-mortem and its first event and item) and {@code {incident}}.
     */
    record Case(String name, String method, String path, String body, String contentType, List<String> headers,
                int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // --- creating: malformed or mistyped JSON
        cases.add(raw("malformed JSON", "POST", BASE, "{\"title\": ", 400, null));
        cases.add(raw("a JSON array", "POST", BASE, "[]", 400, null));
        cases.add(raw("a JSON string", "POST", BASE, "\"post-mortem\"", 400, null));
        cases.add(raw("an empty body", "POST", BASE, "", 400, null));
        cases.add(raw("two JSON documents", "POST", BASE, "{} {}", 400, null));
        cases.add(raw("a duplicated key", "POST", BASE, "{\"title\":\"a\",\"title\":\"b\"}", 400, null));
        cases.add(create("title as a number", b -> b.put("title", 42), 400, "title"));
        cases.add(create("timeline as an object", b -> b.putObject("timeline"), 400, "timeline"));
        cases.add(create("actionItems as a string", b -> b.put("actionItems", "none"), 400, "actionItems"));
        cases.add(create("a timeline event that is a string", b -> b.putArray("timeline").add("14:35 alert"), 400,
                "timeline[0]"));
        cases.add(create("contributors as a string", b -> b.put("contributors", "bob@example.com"), 400,
                "contributors"));
        // --- bad enums and dates
        cases.add(create("an unknown priority", b -> item(b).put("priority", "URGENT"), 400,
                "actionItems[0].priority"));
        cases.add(create("a lower-case priority", b -> item(b).put("priority", "high"), 400,
                "actionItems[0].priority"));
        cases.add(create("an unknown item status", b -> item(b).put("status", "WONTFIX"), 400,
                "actionItems[0].status"));
        cases.add(create("an unknown document status", b -> b.put("status", "FINISHED"), 400, "status"));
        cases.add(create("a published status at creation", b -> b.put("status", "PUBLISHED"), 409, null));
        cases.add(create("an impossible due date", b -> item(b).put("dueDate", "2024-13-01"), 400,
                "actionItems[0].dueDate"));
        cases.add(create("a due date in words", b -> item(b).put("dueDate", "tomorrow"), 400,
                "actionItems[0].dueDate"));
        cases.add(create("a due date with a time", b -> item(b).put("dueDate", "2024-02-01T10:00:00Z"), 400,
                "actionItems[0].dueDate"));
        cases.add(create("an impossible time", b -> event(b).put("time", "25:00"), 400, "timeline[0].time"));
        cases.add(create("a date-time with a fraction and no offset", b -> event(b).put("time",
                "2024-01-15T14:35:00.5"), 400, "timeline[0].time"));
        cases.add(create("mixed time forms", b -> ((ObjectNode) b.get("timeline").get(1))
                .put("time", "2024-01-15T14:35:00Z"), 400, "timeline[1].time"));
        // --- missing and oversized
        // a title left out is the incident's (the host serves a catalog); one sent as null is no title
        cases.add(create("a null title", b -> b.putNull("title"), 400, "title"));
        cases.add(create("no incidentId", b -> b.remove("incidentId"), 400, "incidentId"));
        cases.add(create("a blank title", b -> b.put("title", "   "), 400, "title"));
        cases.add(create("a title of 201 characters", b -> b.put("title", "t".repeat(201)), 400, "title"));
        cases.add(create("a summary of 20,001 characters", b -> b.put("summary", "s".repeat(20_001)), 400,
                "summary"));
        cases.add(create("a root cause of 20,001 characters", b -> b.put("rootCause", "r".repeat(20_001)), 400,
                "rootCause"));
        cases.add(create("an event description of 2,001 characters", b -> event(b).put("description",
                "d".repeat(2001)), 400, "timeline[0].description"));
        cases.add(create("501 timeline events", b -> {
            ArrayNode timeline = b.putArray("timeline");
            for (int i = 0; i < 501; i++) {
                timeline.addObject().put("time", "10:00").put("description", "event " + i);
            }
        }, 400, "timeline"));
        cases.add(create("a blank owner", b -> item(b).put("owner", " "), 400, "actionItems[0].owner"));
        cases.add(create("an item without description", b -> item(b).remove("description"), 400,
                "actionItems[0].description"));
        cases.add(create("a contributor that is no e-mail", b -> b.putArray("contributors").add("bob"), 400,
                "contributors[0]"));
        // --- unknown and server-owned fields
        cases.add(create("an unknown field", b -> b.put("severity", "SEV1"), 400, "severity"));
        cases.add(create("an unknown field in an event", b -> event(b).put("author", "x"), 400,
                "timeline[0].author"));
        cases.add(create("an id", b -> b.put("id", UUID.randomUUID().toString()), 400, "id"));
        cases.add(create("a version", b -> b.put("version", 7), 400, "version"));
        cases.add(create("a createdBy", b -> b.put("createdBy", "mallory@example.com"), 400, "createdBy"));
        cases.add(create("a publishedAt", b -> b.put("publishedAt", "2024-01-01T00:00:00Z"), 400, "publishedAt"));
        cases.add(create("an unknown template", b -> b.put("templateId", "volcano-eruption"), 400, "templateId"));
        cases.add(create("an event id that is no UUID", b -> event(b).put("id", "first"), 400, "timeline[0].id"));
        // --- media types and sizes
        cases.add(new Case("text/plain content", "POST", BASE, "{}", "text/plain", List.of(), 415, null));
        cases.add(new Case("no content type", "POST", BASE, "{}", null, List.of(), 415, null));
        cases.add(create("a body over 1 MiB", b -> b.put("summary", "x".repeat(1_100_000)), 413, null));
        // --- patching
        cases.add(patch("a patch in text/plain", "{\"title\":\"x\"}", "text/plain", 415, null));
        cases.add(patch("removing the status", "{\"status\":null}", MERGE, 400, "status"));
        cases.add(patch("removing the title", "{\"title\":null}", MERGE, 400, "title"));
        cases.add(patch("an unknown field in a patch", "{\"owner\":\"x\"}", MERGE, 400, "owner"));
        cases.add(patch("a patch that is an array", "[]", MERGE, 400, null));
        cases.add(new Case("a garbled If-Match", "PATCH", "{path}", "{\"title\":\"x\"}", MERGE,
                List.of("If-Match", "version-1"), 400, "If-Match"));
        cases.add(new Case("a stale If-Match", "PATCH", "{path}", "{\"title\":\"x\"}", MERGE,
                List.of("If-Match", "\"999\""), 412, null));
        cases.add(new Case("a weak If-Match", "PATCH", "{path}", "{\"title\":\"x\"}", MERGE,
                List.of("If-Match", "W/\"1\""), 412, null));
        cases.add(new Case("an event id the post-mortem lacks", "PATCH", "{path}", "{\"timeline\":[{\"id\":\""
                + UUID.randomUUID() + "\",\"time\":\"10:00\",\"description\":\"x\"}]}", MERGE,
                List.of("If-Match", "\"1\""), 400, "timeline[0].id"));
        cases.add(patch("a whole list without If-Match", "{\"actionItems\":[]}", MERGE, 428, null));
        // --- sub-resources
        cases.add(new Case("an event with an id", "POST", "{path}/timeline", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"time\":\"10:00\",\"description\":\"x\"}", JSON_TYPE, List.of(), 400, "id"));
        cases.add(new Case("an event without time", "POST", "{path}/timeline", "{\"description\":\"x\"}",
                JSON_TYPE, List.of(), 400, "time"));
        cases.add(new Case("an item with a bad priority", "POST", "{path}/action-items",
                "{\"description\":\"x\",\"priority\":1}", JSON_TYPE, List.of(), 400, "priority"));
        cases.add(new Case("an item patch with an unknown field", "PATCH", "{path}/action-items/{item}",
                "{\"assignee\":\"x\"}", MERGE, List.of(), 400, "assignee"));
        cases.add(new Case("an event patch with a bad time", "PATCH", "{path}/timeline/{event}",
                "{\"time\":\"7pm\"}", MERGE, List.of(), 400, "time"));
        // --- query parameters
        cases.add(query("limit=0", "limit=0", "limit"));
        cases.add(query("limit=101", "limit=101", "limit"));
        cases.add(query("limit=abc", "limit=abc", "limit"));
        cases.add(query("an unknown status filter", "status=DONE", "status"));
        cases.add(query("a cursor the server did not issue", "cursor=bm90LWEtY3Vyc29y", "cursor"));
        cases.add(query("an unknown query parameter", "sort=title", "sort"));
        cases.add(new Case("an unknown export format", "GET", "{path}/export?format=pdf", null, null, List.of(),
                400, "format"));
        cases.add(query("limit in other digits", "limit=%EF%BC%91%EF%BC%90", "limit"));
        cases.add(query("a cursor at the end of time", "cursor=" + cursor("v1:31556889864403199:999999999:"
                + UUID.randomUUID()), "cursor"));
        cases.add(query("a cursor before 1900", "cursor=" + cursor("v1:-2208988801:0:" + UUID.randomUUID()),
                "cursor"));
        // --- unknown query parameters on every endpoint, writes included
        cases.add(new Case("DELETE ?dryRun=true", "DELETE", "{path}?dryRun=true", null, null, List.of(), 400,
                "dryRun"));
        cases.add(new Case("GET /{id} ?fields=title", "GET", "{path}?fields=title", null, null, List.of(), 400,
                "fields"));
        cases.add(new Case("PATCH ?force=true", "PATCH", "{path}?force=true", "{\"title\":\"x\"}", MERGE,
                List.of(), 400, "force"));
        cases.add(new Case("POST ?_method=DELETE", "POST", BASE + "?_method=DELETE", specWith("{incident}"),
                JSON_TYPE, List.of(), 400, "_method"));
        cases.add(new Case("an item DELETE with a parameter", "DELETE", "{path}/action-items/{item}?soft=1", null,
                null, List.of(), 400, "soft"));
        cases.add(new Case("a timeline POST with a parameter", "POST", "{path}/timeline?at=end",
                "{\"time\":\"10:00\",\"description\":\"x\"}", JSON_TYPE, List.of(), 400, "at"));
        // --- text that storage could not give back as acknowledged: control characters, broken Unicode
        cases.add(create("a NUL in the title", b -> b.put("title", "a\u0000b"), 400, "title"));
        cases.add(create("a bell in the summary", b -> b.put("summary", "ring\u0007"), 400, "summary"));
        cases.add(create("an escape in an owner", b -> item(b).put("owner", "\u001b[31mred"), 400,
                "actionItems[0].owner"));
        cases.add(create("a C1 control in an event", b -> event(b).put("description", "x\u0085y"), 400,
                "timeline[0].description"));
        cases.add(create("a NUL in a contributor", b -> b.putArray("contributors").add("bob\u0000@example.com"),
                400, "contributors[0]"));
        cases.add(raw("a lone high surrogate", "POST", BASE, specWith("{incident}").replace("\"summary\": \"",
                "\"summary\": \"x\\ud800y"), 400, "summary"));
        cases.add(raw("a lone low surrogate in an item", "POST", BASE, specWith("{incident}")
                .replace("\"description\": \"Add a connection", "\"description\": \"\\udc00Add a connection"),
                400, "actionItems[1].description"));
        cases.add(query("a NUL in q", "q=%00", "q"));
        cases.add(query("a NUL in incidentId", "incidentId=a%00b", "incidentId"));
        cases.add(new Case("a NUL in a new event", "POST", "{path}/timeline",
                "{\"time\":\"10:00\",\"description\":\"a\\u0000\"}", JSON_TYPE, List.of(), 400, "description"));
        cases.add(new Case("a NUL in an item patch", "PATCH", "{path}/action-items/{item}",
                "{\"owner\":\"\\u0000\"}", MERGE, List.of(), 400, "owner"));
        cases.add(patch("a NUL in a patch", "{\"impact\":\"\\u0000\"}", MERGE, 400, "impact"));
        // --- dates and times outside 1900..9999
        cases.add(create("a due date in 4713 BC", b -> item(b).put("dueDate", "-4713-11-24"), 400,
                "actionItems[0].dueDate"));
        cases.add(create("a due date in year 5874898", b -> item(b).put("dueDate", "+5874898-01-01"), 400,
                "actionItems[0].dueDate"));
        cases.add(create("a due date in 1899", b -> item(b).put("dueDate", "1899-12-31"), 400,
                "actionItems[0].dueDate"));
        cases.add(create("a 41-character time in year 100000", b -> b.putArray("timeline").addObject()
                .put("time", "+100000-01-15T14:35:00.123456789+01:00:00").put("description", "x"), 400,
                "timeline[0].time"));
        cases.add(create("a date-time in 1899", b -> b.putArray("timeline").addObject()
                .put("time", "1899-12-31T23:59:59Z").put("description", "x"), 400, "timeline[0].time"));
        cases.add(new Case("an item due in year 10000", "POST", "{path}/action-items",
                "{\"description\":\"x\",\"dueDate\":\"+10000-01-01\"}", JSON_TYPE, List.of(), 400, "dueDate"));
        // --- bodies shaped to exhaust memory or the parser
        cases.add(raw("JSON nested 40 levels deep", "POST", BASE, "[".repeat(40) + "]".repeat(40), 400, null));
        cases.add(create("a field nested 40 levels deep", b -> {
            ObjectNode deepest = b;
            for (int i = 0; i < 40; i++) {
                deepest = deepest.putObject("n");
            }
        }, 400, null));
        cases.add(create("24,000 timeline events", b -> {
            ArrayNode timeline = b.putArray("timeline");
            for (int i = 0; i < 24_000; i++) {
                timeline.addObject().put("time", "10:00").put("description", "e" + i);
            }
        }, 400, "timeline"));
        cases.add(create("201 action items", b -> {
            ArrayNode items = b.putArray("actionItems");
            for (int i = 0; i < 201; i++) {
                items.addObject().put("description", "item " + i);
            }
        }, 400, "actionItems"));
        cases.add(create("90,000 contributors", b -> {
            ArrayNode contributors = b.putArray("contributors");
            for (int i = 0; i < 90_000; i++) {
                contributors.add("c" + i + "@x");
            }
        }, 400, "contributors"));
        cases.add(create("60,000 unknown fields", b -> {
            for (int i = 0; i < 60_000; i++) {
                b.put("f" + i, 0);
            }
        }, 400, null));
        return cases.stream();
    }

    private static final String JSON_TYPE = "application/json";
    private static final String MERGE = "application/merge-patch+json";

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAProblemAndChangesNothing(Case bad) {
        String incident = ContractIncidents.fresh();
        Reply stored = createSpec(CAROL, body -> body.put("incidentId", incident));
        JsonNode before = api.as(CAROL).get(path(stored.id())).json();
        String path = bad.path().replace("{path}", path(stored.id()))
                .replace("{event}", before.get("timeline").get(0).get("id").asText())
                .replace("{item}", before.get("actionItems").get(0).get("id").asText())
                .replace("{incident}", incident);
        String body = bad.body() == null ? null : bad.body().replace("{incident}", incident);

        Reply reply = api.as(CAROL).send(bad.method(), path, body, bad.contentType(),
                bad.headers().toArray(String[]::new));

        assertProblem(reply, bad.status());
        if (bad.field() != null) {
            assertThat(reply.errorFields()).as(reply.toString()).contains(bad.field());
            reply.json().get("errors").forEach(error -> assertThat(error.get("message").asText()).isNotBlank());
        }
        assertThat(api.as(CAROL).get(path(stored.id())).json()).as("stored post-mortem unchanged").isEqualTo(before);
        assertThat(api.as(ADMIN).get(BASE + "?incidentId=" + incident).json().get("items")).as("nothing created")
                .hasSize(1);
    }

    private static Case raw(String name, String method, String path, String body, int status, String field) {
        return new Case(name, method, path, body, JSON_TYPE, List.of(), status, field);
    }

    private static Case create(String name, Consumer<ObjectNode> change, int status, String field) {
        ObjectNode body = specJson();
        body.put("incidentId", "{incident}");
        change.accept(body);
        return new Case(name, "POST", BASE, body.toString(), JSON_TYPE, List.of(), status, field);
    }

    private static Case patch(String name, String body, String contentType, int status, String field) {
        return new Case(name, "PATCH", "{path}", body, contentType, List.of(), status, field);
    }

    private static Case query(String name, String query, String field) {
        return new Case(name, "GET", BASE + "?incidentId={incident}&" + query, null, null, List.of(), 400, field);
    }

    /** The spec's example as text, for cases that need bytes Jackson would not write. */
    private static String specWith(String incident) {
        return specBody().replace("INC-2024-001", incident);
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    private static ObjectNode item(ObjectNode body) {
        return (ObjectNode) body.get("actionItems").get(0);
    }

    private static ObjectNode event(ObjectNode body) {
        return (ObjectNode) body.get("timeline").get(0);
    }
}
