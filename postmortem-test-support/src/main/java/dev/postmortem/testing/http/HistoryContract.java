package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.BOB;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static dev.postmortem.testing.http.ContractUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History: one entry per stored version, after every kind of write, paged, and nothing for a refused write. */
abstract class HistoryContract extends ContractTopic {

    HistoryContract(ContractClient api) {
        super(api);
    }

    private static String history(String id) {
        return path(id) + "/history";
    }

    private List<JsonNode> entries(ContractUsers user, String id) {
        Reply reply = api.as(user).get(history(id) + "?limit=100");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("nextCursor").isNull()).isTrue();
        List<JsonNode> entries = new ArrayList<>();
        reply.json().get("items").forEach(entries::add);
        return entries;
    }

    /** The one change of an entry. */
    private static JsonNode onlyChange(JsonNode entry) {
        assertThat(entry.get("changes")).as(entry.toString()).hasSize(1);
        return entry.get("changes").get(0);
    }

    @Test
    void everyKindOfWriteLeavesOneEntrySayingWhoChangedWhat() {
        Reply created = createSpec(CAROL, body -> body.putArray("contributors").add(BOB.email()));
        String id = created.id();
        String oldSummary = created.json().get("summary").asText();
        api.as(CAROL).patch(path(id), "{\"summary\":\"The API was down for 12 minutes.\"}");
        String event = api.as(BOB).post(path(id) + "/timeline", "{\"time\":\"14:40\",\"description\":\"Rollback done\"}")
                .header("Location");
        String item = api.as(CAROL).get(path(id)).json().get("actionItems").get(0).get("id").asText();
        api.as(BOB).patch(path(id) + "/action-items/" + item, "{\"status\":\"IN_PROGRESS\"}");
        api.as(CAROL).delete(event);
        api.as(CAROL).patch(path(id), "{\"status\":\"IN_REVIEW\"}");
        approved(DAVE, id);

        List<JsonNode> entries = entries(DAVE, id);
        assertThat(entries.stream().map(entry -> entry.get("version").asLong()).toList())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(entries.stream().map(entry -> entry.get("changedBy").asText()).toList()).containsExactly(
                CAROL.email(), CAROL.email(), BOB.email(), BOB.email(), CAROL.email(), CAROL.email(), DAVE.email());
        assertThat(entries.get(0).get("changes")).isEmpty();
        assertThat(entries.get(0).get("changedAt").asText()).isEqualTo(created.json().get("createdAt").asText());

        JsonNode summary = onlyChange(entries.get(1));
        assertThat(summary.get("field").asText()).isEqualTo("summary");
        assertThat(summary.get("before").asText()).isEqualTo(oldSummary);
        assertThat(summary.get("after").asText()).isEqualTo("The API was down for 12 minutes.");

        String eventId = event.substring(event.lastIndexOf('/') + 1);
        JsonNode added = onlyChange(entries.get(2));
        assertThat(added.get("field").asText()).isEqualTo("timeline/" + eventId);
        assertThat(added.get("before").isNull()).isTrue();
        assertThat(added.get("after").get("description").asText()).isEqualTo("Rollback done");

        JsonNode changedItem = onlyChange(entries.get(3));
        assertThat(changedItem.get("field").asText()).isEqualTo("actionItems/" + item);
        assertThat(changedItem.get("before").get("status").asText()).isEqualTo("TODO");
        assertThat(changedItem.get("after").get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(changedItem.get("after").get("description").asText())
                .isEqualTo(changedItem.get("before").get("description").asText());

        JsonNode removed = onlyChange(entries.get(4));
        assertThat(removed.get("field").asText()).isEqualTo("timeline/" + eventId);
        assertThat(removed.get("before").get("time").asText()).isEqualTo("14:40");
        assertThat(removed.get("after").isNull()).isTrue();

        JsonNode status = onlyChange(entries.get(5));
        assertThat(status.get("field").asText()).isEqualTo("status");
        assertThat(status.get("before").asText()).isEqualTo("DRAFT");
        assertThat(status.get("after").asText()).isEqualTo("IN_REVIEW");

        JsonNode approval = onlyChange(entries.get(6));
        assertThat(approval.get("field").asText()).isEqualTo("approvals/" + DAVE.email());
        assertThat(approval.get("after").get("version").asLong()).isEqualTo(6);
        assertThat(entries.get(6).get("changedAt").asText())
                .isEqualTo(api.as(CAROL).get(path(id)).json().get("updatedAt").asText());
    }

    @Test
    void aRefusedWriteLeavesNoEntry() {
        String id = createSpec(CAROL).id();
        api.as(CAROL).patch(path(id), "{\"title\":\"Second title\"}");

        assertProblem(api.as(CAROL).patch(path(id), "{\"title\":\"Stale\"}", "If-Match", "\"1\""), 412);
        assertProblem(api.as(CAROL).patch(path(id), "{\"title\":\"\"}"), 400);
        assertProblem(api.as(CAROL).patch(path(id), "{\"rootCause\":\"Bob screwed up.\",\"status\":\"IN_REVIEW\"}"),
                409);
        assertThat(api.as(CAROL).patch(path(id), "{\"title\":\"Second title\"}").version()).isEqualTo(2);

        assertThat(entries(CAROL, id)).hasSize(2);
        assertThat(onlyChange(entries(CAROL, id).get(1)).get("after").asText()).isEqualTo("Second title");
    }

    @Test
    void pagesFollowEachOtherOldestFirst() {
        String id = createSpec(CAROL).id();
        for (int i = 1; i <= 4; i++) {
            api.as(CAROL).patch(path(id), "{\"title\":\"Title " + i + "\"}");
        }
        Reply first = api.as(CAROL).get(history(id) + "?limit=2");
        String cursor = first.json().get("nextCursor").asText();
        Reply second = api.as(CAROL).get(history(id) + "?limit=2&cursor=" + cursor);
        Reply third = api.as(CAROL).get(history(id) + "?limit=2&cursor=" + second.json().get("nextCursor").asText());

        assertThat(first.json().get("items").get(1).get("version").asLong()).isEqualTo(2);
        JsonNode firstOnSecondPage = second.json().get("items").get(0);
        assertThat(firstOnSecondPage.get("version").asLong()).isEqualTo(3);
        assertThat(onlyChange(firstOnSecondPage).get("before").asText()).isEqualTo("Title 1");
        assertThat(onlyChange(firstOnSecondPage).get("after").asText()).isEqualTo("Title 2");
        assertThat(third.json().get("items")).hasSize(1);
        assertThat(third.json().get("nextCursor").isNull()).isTrue();
        assertThat(refusedFields(api.as(CAROL).get(history(id) + "?cursor=not-ours"))).containsExactly("cursor");
        assertThat(refusedFields(api.as(CAROL).get(history(id) + "?limit=0"))).containsExactly("limit");
        assertProblem(api.as(CAROL).get(history(id) + "?since=1"), 400);
    }

    @Test
    void aNonViewerGets404() {
        String draft = createSpec(CAROL).id();

        assertProblem(api.as(DAVE).get(history(draft)), 404);
        assertThat(api.as(DAVE).get(history(draft)).body()).doesNotContain("summary", "timeline");
    }

    private static List<String> refusedFields(Reply reply) {
        assertProblem(reply, 400);
        return reply.errorFields();
    }
}
