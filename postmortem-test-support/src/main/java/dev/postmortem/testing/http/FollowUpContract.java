package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ADMIN;
import static dev.postmortem.testing.http.ContractUsers.ALICE;
import static dev.postmortem.testing.http.ContractUsers.BOB;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static dev.postmortem.testing.http.ContractUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Following through: {@code /api/action-items} across post-mortems (every filter, the order,
 * paging, {@code owner=me}, drafts kept private), overdue in the tenant's zone
 * ({@link ContractUsers#TIME_ZONE}), tracker links, and the counts in the list's summaries.
 */
abstract class FollowUpContract extends ContractTopic {

    static final String ITEMS = "/api/action-items";

    FollowUpContract(ContractClient api) {
        super(api);
    }

    private static LocalDate zoneToday() {
        return LocalDate.now(ZoneId.of(ContractUsers.TIME_ZONE));
    }

    /** Five items of a post-mortem in review; returns the incident that names it. */
    private String fiveItems(String status) {
        String incident = ContractIncidents.fresh();
        LocalDate today = zoneToday();
        ObjectNode body = specJson().put("incidentId", incident).put("status", status);
        ArrayNode items = body.putArray("actionItems");
        item(items, "A overdue", ALICE.email(), "TODO", "HIGH", today.minusDays(2));
        item(items, "B overdue", BOB.email(), "TODO", "LOW", today.minusDays(2));
        item(items, "C due today in the tenant's zone", ALICE.email(), "IN_PROGRESS", "MEDIUM", today);
        item(items, "D done", ALICE.email(), "DONE", "HIGH", null);
        item(items, "E rotate the certificate", CAROL.email(), "TODO", "HIGH", today.plusDays(10));
        Reply created = api.as(CAROL).post(BASE, json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return incident;
    }

    private static void item(ArrayNode items, String description, String owner, String status, String priority,
                             LocalDate due) {
        items.addObject().put("description", description).put("owner", owner).put("status", status)
                .put("priority", priority).put("dueDate", due == null ? null : due.toString());
    }

    private List<String> letters(ContractUsers user, String query) {
        Reply reply = api.as(user).get(ITEMS + "?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> letters = new ArrayList<>();
        reply.json().get("items").forEach(item -> letters.add(item.get("description").asText().substring(0, 1)));
        return letters;
    }

    @Test
    void everyFilterOrderAndPage() {
        String incident = fiveItems("IN_REVIEW");
        String in = "incidentId=" + incident;

        assertThat(letters(DAVE, in)).as("due date, none last, then priority").containsExactly("A", "B", "C", "E", "D");
        assertThat(letters(DAVE, in + "&owner=alice@example.com")).containsExactly("A", "C", "D");
        assertThat(letters(ALICE, in + "&owner=me")).containsExactly("A", "C", "D");
        assertThat(letters(DAVE, in + "&owner=me")).isEmpty();
        assertThat(letters(DAVE, in + "&status=TODO,IN_PROGRESS")).containsExactly("A", "B", "C", "E");
        assertThat(letters(DAVE, in + "&status=DONE&status=TODO")).containsExactly("A", "B", "E", "D");
        assertThat(letters(DAVE, in + "&priority=HIGH")).containsExactly("A", "E", "D");
        assertThat(letters(DAVE, in + "&overdue=true")).containsExactly("A", "B");
        assertThat(letters(DAVE, in + "&overdue=false")).containsExactly("C", "E", "D");
        assertThat(letters(DAVE, in + "&dueBefore=" + zoneToday())).containsExactly("A", "B");
        assertThat(letters(DAVE, in + "&dueAfter=" + zoneToday())).containsExactly("E");
        assertThat(letters(DAVE, in + "&postMortemStatus=IN_REVIEW")).hasSize(5);
        assertThat(letters(DAVE, in + "&postMortemStatus=PUBLISHED,ARCHIVED")).isEmpty();
        assertThat(letters(DAVE, in + "&q=CERTIFICATE+rotate")).containsExactly("E");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = api.as(DAVE).get(ITEMS + "?" + in + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.json().get("items").forEach(item -> paged.add(item.get("description").asText().substring(0, 1)));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(paged).containsExactly("A", "B", "C", "E", "D");
        assertThat(pages).isEqualTo(3);

        JsonNode first = api.as(DAVE).get(ITEMS + "?" + in).json().get("items").get(0);
        assertThat(first.get("overdue").asBoolean()).isTrue();
        assertThat(first.get("postMortem").get("incidentId").asText()).isEqualTo(incident);
        assertThat(first.get("postMortem").get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(first.get("postMortem").get("title").asText()).isEqualTo("Database Connection Pool Exhaustion");
    }

    @Test
    void overdueIsDecidedByTheTenantsMidnightNotUtcs() {
        String incident = ContractIncidents.fresh();
        LocalDate zoneToday = zoneToday();
        LocalDate utcToday = LocalDate.now(ZoneOffset.UTC);
        ObjectNode body = specJson().put("incidentId", incident).put("status", "IN_REVIEW");
        ArrayNode items = body.putArray("actionItems");
        item(items, "yesterday in the zone", null, "TODO", "HIGH", zoneToday.minusDays(1));
        item(items, "today in the zone", null, "TODO", "HIGH", zoneToday);
        item(items, "today in UTC", null, "TODO", "HIGH", utcToday);
        String id = api.as(CAROL).post(BASE, json(body)).id();

        JsonNode document = api.as(CAROL).get(path(id)).json().get("actionItems");
        assertThat(document.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(document.get(1).get("overdue").asBoolean()).isFalse();
        // 14 hours ahead: from 10:00 UTC on, UTC's today is the zone's yesterday
        assertThat(document.get(2).get("overdue").asBoolean()).isEqualTo(utcToday.isBefore(zoneToday));
        String markdown = api.as(CAROL).get(path(id) + "/export").body();
        assertThat(markdown).contains("yesterday in the zone (HIGH) - Due: " + zoneToday.minusDays(1) + " (overdue)")
                .contains("today in the zone (HIGH) - Due: " + zoneToday + "\n");
    }

    @Test
    void aDraftsItemsStayWithThoseWhoMaySeeTheDraft() {
        String incident = fiveItems("DRAFT");
        String in = "incidentId=" + incident;

        assertThat(letters(DAVE, in)).isEmpty();
        assertThat(letters(ALICE, in + "&owner=me")).as("an owner who may not see the draft").isEmpty();
        assertThat(letters(CAROL, in)).hasSize(5);
        assertThat(letters(ADMIN, in)).hasSize(5);
        assertThat(api.as(DAVE).get(BASE + "?" + in).json().get("items")).as("not even as a count").isEmpty();
        String id = api.as(CAROL).get(BASE + "?" + in).json().get("items").get(0).get("id").asText();
        api.as(CAROL).patch(path(id), "{\"contributors\":[\"bob@example.com\"]}", "If-Match",
                api.as(CAROL).get(path(id)).header("ETag"));
        assertThat(letters(BOB, in)).as("a contributor").hasSize(5);
    }

    @Test
    void summariesCountTheItemsDoneAndOverdue() {
        String incident = fiveItems("IN_REVIEW");

        JsonNode counts = api.as(DAVE).get(BASE + "?incidentId=" + incident).json().get("items").get(0)
                .get("actionItemCounts");
        assertThat(counts.get("total").asInt()).isEqualTo(5);
        assertThat(counts.get("done").asInt()).isEqualTo(1);
        assertThat(counts.get("overdue").asInt()).isEqualTo(2);
    }

    @Test
    void trackerLinksAreHttpAndStayEditableOncePublished() {
        String id = createSpec(CAROL, body -> body.put("incidentId", ContractIncidents.fresh())).id();
        String item = api.as(CAROL).get(path(id)).json().get("actionItems").get(0).get("id").asText();
        String itemPath = path(id) + "/action-items/" + item;

        for (String bad : new String[] {"javascript:alert(1)", "ftp://tracker.example.com/OPS-1", "OPS-1",
            "https://", "data:text/html,<b>x</b>"}) {
            Reply refused = api.as(CAROL).patch(itemPath, "{\"trackerUrl\":\"" + bad + "\"}");
            assertProblem(refused, 400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).as(bad).isEqualTo("trackerUrl");
        }
        assertProblem(api.as(CAROL).patch(itemPath, "{\"overdue\":true}"), 400);
        api.as(CAROL).patch(path(id), "{\"status\":\"IN_REVIEW\"}");
        approved(DAVE, id);
        assertThat(api.as(CAROL).patch(path(id), "{\"status\":\"PUBLISHED\"}").status()).isEqualTo(200);

        Reply linked = api.as(CAROL).patch(itemPath, "{\"trackerKey\":\"OPS-123\","
                + "\"trackerUrl\":\"https://tracker.example.com/browse/OPS-123\"}");
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        JsonNode stored = api.as(DAVE).get(itemPath).json();
        assertThat(stored.get("trackerKey").asText()).isEqualTo("OPS-123");
        assertThat(stored.get("trackerUrl").asText()).isEqualTo("https://tracker.example.com/browse/OPS-123");
        assertThat(api.as(DAVE).get(ITEMS + "?q=pool+usage&incidentId="
                + api.as(DAVE).get(path(id)).json().get("incidentId").asText()).json().get("items").get(0)
                .get("trackerKey").asText()).isEqualTo("OPS-123");
        assertProblem(api.as(CAROL).patch(itemPath, "{\"description\":\"Changed after publishing\"}"), 409);
        assertThat(api.as(CAROL).get(path(id) + "/export").body())
                .contains("Tracker: [OPS-123](<https://tracker.example.com/browse/OPS-123>)");
        assertThat(api.as(CAROL).patch(itemPath, "{\"trackerKey\":null,\"trackerUrl\":null}").status()).isEqualTo(200);
        assertThat(api.as(DAVE).get(itemPath).json().get("trackerUrl").isNull()).isTrue();
    }

    @Test
    void badFiltersAreNamed() {
        for (String[] bad : new String[][] {{"status=SOON", "status"}, {"priority=URGENT", "priority"},
            {"overdue=yes", "overdue"}, {"dueBefore=2025-13-01", "dueBefore"}, {"dueAfter=tomorrow", "dueAfter"},
            {"postMortemStatus=GONE", "postMortemStatus"}, {"limit=0", "limit"}, {"limit=101", "limit"},
            {"cursor=bm90LWEtY3Vyc29y", "cursor"}, {"sort=due", "sort"}, {"owner=a&owner=b", "owner"},
            {"dueAfter=2025-03-01&dueBefore=2025-02-01", "dueAfter"}}) {
            Reply refused = api.as(DAVE).get(ITEMS + "?" + bad[0]);
            assertProblem(refused, 400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
        assertProblem(api.anonymous().get(ITEMS), 401);
    }
}
