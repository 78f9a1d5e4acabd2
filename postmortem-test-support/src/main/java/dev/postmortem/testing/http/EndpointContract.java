package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ADMIN;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static dev.postmortem.testing.http.ContractUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every endpoint of the contract, with its status codes and headers. */
abstract class EndpointContract extends ContractTopic {

    EndpointContract(ContractClient api) {
        super(api);
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() {
        String path = BASE + "/" + createSpec(CAROL, body -> { }).id();
        Reply get = api.as(CAROL).get(path);
        Reply head = api.as(CAROL).send("HEAD", path, null, null);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("ETag")).isNotNull().isEqualTo(get.header("ETag"));
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
        assertThat(head.header("Content-Length")).as("GET's length, not the empty body's")
                .isEqualTo(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(api.anonymous().send("HEAD", path, null, null).status())
                .as("HEAD checks credentials as GET does").isEqualTo(401);
        assertThat(api.as(CAROL).send("HEAD", BASE + "/" + UUID.randomUUID(), null, null).status())
                .as("HEAD of a post-mortem that does not exist").isEqualTo(404);
        assertThat(api.as(DAVE).send("HEAD", BASE, null, null).status()).isEqualTo(200);
    }

    @Test
    void listsNewestFirstWithFiltersAndAnOpaqueCursor() {
        String incident = ContractIncidents.fresh();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, createSpec(CAROL, body -> body.put("incidentId", incident).put("status", "IN_REVIEW")).id());
        }
        Reply first = api.as(DAVE).get(BASE + "?incidentId=" + incident + "&limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items")).hasSize(2);
        JsonNode summary = first.json().get("items").get(0);
        assertThat(summary.get("id").asText()).isEqualTo(ids.get(0));
        assertThat(summary.has("timeline")).as("summaries, not whole documents").isFalse();
        assertThat(summary.get("title").asText()).isEqualTo("Database Connection Pool Exhaustion");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api.as(DAVE).get(BASE + "?incidentId=" + incident + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.json().get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).isEqualTo(ids);

        assertThat(api.as(DAVE).get(BASE + "?incidentId=" + incident + "&status=DRAFT").json().get("items"))
                .isEmpty();
        assertThat(api.as(DAVE).get(BASE + "?incidentId=" + incident + "&status=DRAFT,IN_REVIEW").json()
                .get("items")).hasSize(5);
        assertThat(api.as(DAVE).get(BASE + "?incidentId=" + incident + "&status=DRAFT&status=IN_REVIEW").json()
                .get("items")).hasSize(5);
        assertThat(api.as(DAVE).get(BASE + "?incidentId=" + incident + "&q=POOL+exhaustion").json().get("items"))
                .hasSize(5);
        assertThat(api.as(DAVE).get(BASE + "?incidentId=" + incident + "&q=certificate").json().get("items"))
                .isEmpty();
    }

    @Test
    void searchTextWithSqlAndLikeMetacharactersIsJustText() {
        String incident = ContractIncidents.fresh();
        createSpec(CAROL, body -> body.put("incidentId", incident).put("title", "Every request failed")
                .put("summary", "Requests failed").put("impact", "Everyone").put("rootCause", "Unknown"));
        for (String q : List.of("%25", "_", "%25_%25", "'%20OR%201=1%20--", "%5C", "!")) {
            Reply reply = api.as(CAROL).get(BASE + "?incidentId=" + incident + "&q=" + q);
            assertThat(reply.status()).as(q).isEqualTo(200);
            assertThat(reply.json().get("items")).as(q).isEmpty();
        }
        assertThat(api.as(CAROL).get(BASE + "?incidentId=" + incident + "&q=requests").json().get("items"))
                .hasSize(1);
    }

    @Test
    void readsWithETagAndAnswersNotModified() {
        Reply created = createSpec(CAROL);
        Reply read = api.as(CAROL).get(path(created.id()));
        assertThat(read.header("ETag")).isEqualTo("\"1\"");

        Reply again = api.as(CAROL).get(path(created.id()), "If-None-Match", "\"1\"");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo("\"1\"");
        assertThat(again.header("Content-Type")).as("no body, no content type").isNull();
        assertThat(api.as(CAROL).get(path(created.id()), "If-None-Match", "\"0\"").status()).isEqualTo(200);
    }

    @Test
    void mergePatchChangesOnlyWhatItNames() {
        Reply created = createSpec(CAROL);
        JsonNode before = created.json();

        Reply patched = api.as(CAROL).patch(path(created.id()), "{\"title\":\"Pool exhaustion on orders-db\","
                + "\"rootCause\":null}", "If-Match", "\"1\"");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        JsonNode after = patched.json();
        assertThat(after.get("title").asText()).isEqualTo("Pool exhaustion on orders-db");
        assertThat(after.get("rootCause").isNull()).isTrue();
        assertThat(after.get("summary")).isEqualTo(before.get("summary"));
        assertThat(after.get("timeline")).isEqualTo(before.get("timeline"));
        Reply plainJson = api.as(CAROL).send("PATCH", path(created.id()), "{\"impact\":\"Less\"}",
                "application/json");
        assertThat(plainJson.status()).as("application/json is accepted for PATCH too").isEqualTo(200);
    }

    @Test
    void arraysInAPatchReplaceAndKeepTheIdsTheyCarry() {
        Reply created = createSpec(CAROL);
        JsonNode kept = created.json().get("timeline").get(0);

        Reply patched = api.as(CAROL).patch(path(created.id()), "{\"timeline\":[" + kept + ","
                + "{\"time\":\"14:31\",\"description\":\"Second alert\"}]}", "If-Match", created.header("ETag"));

        assertThat(patched.json().get("timeline")).hasSize(2);
        assertThat(patched.json().get("timeline").get(0)).isEqualTo(kept);
    }

    @Test
    void replacingAListNeedsTheVersionItIsBasedOn() {
        Reply created = createSpec(CAROL);
        for (String list : new String[] {"timeline", "actionItems", "contributors"}) {
            Reply unversioned = api.as(CAROL).patch(path(created.id()), "{\"" + list + "\":[]}");
            assertProblem(unversioned, 428);
            assertThat(unversioned.json().get("type").asText()).endsWith(":precondition-required");
            assertThat(unversioned.json().get("fields").get(0).asText()).isEqualTo(list);
        }
        assertThat(api.as(CAROL).get(path(created.id())).json()).as("nothing replaced").isEqualTo(created.json());
        assertThat(api.as(CAROL).patch(path(created.id()), "{\"timeline\":[]}", "If-Match", "*").status())
                .as("If-Match: * names no version either").isEqualTo(428);
        assertThat(api.as(CAROL).patch(path(created.id()), "{\"impact\":\"Less\"}").status())
                .as("a field that is not a list needs no version").isEqualTo(200);
    }

    @Test
    void theTimelineBuilderAddsReadsEditsAndRemovesOneEvent() {
        Reply created = createSpec(CAROL);
        String id = created.id();

        Reply added = api.as(CAROL).post(path(id) + "/timeline", "{\"time\":\"14:40\",\"description\":\"Failover\"}",
                "If-Match", "\"1\"");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("ETag")).isEqualTo("\"2\"");
        String location = added.header("Location");
        assertThat(location).startsWith(path(id) + "/timeline/");
        assertThat(added.json().get("timeline").get(2).get("description").asText()).isEqualTo("Failover");

        Reply event = api.as(CAROL).get(location);
        assertThat(event.json().get("time").asText()).isEqualTo("14:40");
        assertThat(api.as(CAROL).get(path(id) + "/timeline").json().get("items")).hasSize(6);

        Reply moved = api.as(CAROL).patch(location, "{\"time\":\"15:10\"}", "If-Match", "\"2\"");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("timeline").get(4).get("description").asText()).isEqualTo("Failover");

        Reply removed = api.as(CAROL).delete(location, "If-Match", "\"3\"");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("timeline")).hasSize(5);
        assertProblem(api.as(CAROL).get(location), 404);
    }

    @Test
    void actionItemsAreAddedReadEditedAndRemovedOneByOne() {
        String id = createSpec(CAROL).id();

        Reply added = api.as(CAROL).post(path(id) + "/action-items", "{\"description\":\"Load-test the pool\","
                + "\"owner\":\"dave@example.com\",\"priority\":\"LOW\",\"dueDate\":\"2024-03-01\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String location = added.header("Location");
        JsonNode item = api.as(CAROL).get(location).json();
        assertThat(item.get("status").asText()).isEqualTo("TODO");
        assertThat(item.get("dueDate").asText()).isEqualTo("2024-03-01");

        Reply edited = api.as(CAROL).patch(location, "{\"priority\":\"HIGH\",\"dueDate\":null}");
        JsonNode after = edited.json().get("actionItems").get(2);
        assertThat(after.get("priority").asText()).isEqualTo("HIGH");
        assertThat(after.get("dueDate").isNull()).isTrue();
        assertThat(after.get("owner").asText()).isEqualTo("dave@example.com");
        assertThat(api.as(CAROL).get(path(id) + "/action-items").json().get("items")).hasSize(3);

        assertThat(api.as(CAROL).delete(location).json().get("actionItems")).hasSize(2);
    }

    @Test
    void deletesADraftForGood() {
        String id = createSpec(CAROL).id();

        Reply deleted = api.as(CAROL).delete(path(id), "If-Match", "\"1\"");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.header("Content-Type")).as("no body, no content type").isNull();
        assertProblem(api.as(CAROL).get(path(id)), 404);
        assertProblem(api.as(CAROL).delete(path(id)), 404);
    }

    @Test
    void servesTheTemplateCatalog() {
        Reply catalog = api.as(DAVE).get("/api/postmortem-templates");
        assertThat(catalog.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        catalog.json().get("items").forEach(template -> ids.add(template.get("id").asText()));
        assertThat(ids).contains("database-outage", "api-downtime", "security-incident", "deployment-failure",
                "third-party-failure");

        JsonNode template = api.as(DAVE).get("/api/postmortem-templates/security-incident").json();
        assertThat(template.get("name").asText()).isEqualTo("Security incident");
        assertThat(template.get("actionItems").get(0).get("priority").asText()).isEqualTo("HIGH");
        assertProblem(api.as(DAVE).get("/api/postmortem-templates/nope"), 404);
    }

    @Test
    void createsFromATemplate() {
        Reply created = api.as(CAROL).post(BASE, "{\"templateId\":\"deployment-failure\",\"incidentId\":\"INC-77\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("title").asText()).startsWith("Deployment failure - INC-77 - ");
        assertThat(created.json().get("templateId").asText()).isEqualTo("deployment-failure");
        assertThat(created.json().get("actionItems").size()).isGreaterThanOrEqualTo(3);
        assertThat(created.json().get("summary").asText()).as("hints are not content").isEmpty();
        assertThat(created.json().get("impact").isNull()).isTrue();
        assertThat(created.json().get("rootCause").isNull()).isTrue();
        assertThat(created.json().get("timeline").size()).as("suggested events have no real time yet").isZero();
    }

    @Test
    void answersWrongMethodsWith405AndUnknownPathsWith404() {
        String id = createSpec(CAROL).id();

        Reply put = api.as(CAROL).send("PUT", path(id), "{}", "application/json");
        assertProblem(put, 405);
        assertThat(put.header("Allow")).isEqualTo("DELETE, GET, PATCH");
        assertProblem(api.as(CAROL).get(path(id) + "/nothing-here"), 404);
        assertProblem(api.as(CAROL).get(BASE + "/not-an-id"), 404);
    }

    /**
     * Every binding writes the neutral layer's bytes: the same golden files hold for the
     * standalone server and the Spring host (captured once from the neutral layer's output).
     */
    @Test
    void answersAreByteForByteTheNeutralLayers() {
        assertThat(api.as(DAVE).get("/api/postmortem-templates").body()).isEqualTo(golden("templates.golden.json"));
        assertThat(api.anonymous().get(BASE).body()).isEqualTo(golden("unauthenticated.golden.json"));
    }

    private static String golden(String name) {
        try (InputStream in = EndpointContract.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void servesTheWebUiToSignedInUsers() {
        Reply page = api.as(DAVE).get("/postmortems");
        assertThat(page.status()).isEqualTo(200);
        assertContentType(page, "text/html; charset=utf-8");
        assertThat(page.body()).contains("<meta name=\"postmortem-api\" content=\"/api/postmortems\">",
                "src=\"/postmortems/app.js\"");
        assertProblem(api.anonymous().get("/postmortems"), 401);
        // the page's files as its browser asks for them; whether they need a sign-in is the host's choice
        Reply script = api.as(DAVE).get("/postmortems/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertContentType(script, "text/javascript; charset=utf-8");
        assertThat(api.as(DAVE).get("/postmortems/style.css").status()).isEqualTo(200);
        assertThat(api.as(DAVE).get("/postmortems/secrets.txt").status()).isEqualTo(404);
    }

    @Test
    void everyAnswerCarriesARequestId() {
        Reply reply = api.as(ADMIN).get(BASE, "X-Request-Id", "trace-42");
        assertThat(reply.header("X-Request-Id")).isEqualTo("trace-42");
        String first = api.anonymous().get(BASE).header("X-Request-Id");
        String second = api.anonymous().get(BASE).header("X-Request-Id");
        // a random (version 4, IETF variant) UUID in its usual text, new for every request
        assertThat(UUID.fromString(first).toString()).isEqualTo(first);
        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(UUID.fromString(first).variant()).isEqualTo(2);
        assertThat(second).isNotEqualTo(first);
    }
}
