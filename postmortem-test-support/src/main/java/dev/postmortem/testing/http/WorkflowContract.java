package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ALICE;
import static dev.postmortem.testing.http.ContractUsers.BOB;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status workflow and its locks, driven through PATCH as a client would. */
abstract class WorkflowContract extends ContractTopic {

    WorkflowContract(ContractClient api) {
        super(api);
    }

    private Reply status(String id, String status) {
        return api.as(CAROL).patch(path(id), "{\"status\":\"" + status + "\"}");
    }

    @Test
    void movesAlongTheArrowsAndBackToDraft() {
        String id = createSpec(CAROL).id();

        assertThat(status(id, "IN_REVIEW").json().get("allowedTransitions").toString())
                .isEqualTo("[\"DRAFT\",\"PUBLISHED\"]");
        assertThat(status(id, "DRAFT").json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(status(id, "IN_REVIEW").status()).isEqualTo(200);
        approved(BOB, id);
        assertThat(status(id, "PUBLISHED").json().get("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void refusesADraftStraightToPublishedNamingTheAllowedMoves() {
        String id = createSpec(CAROL).id();

        Reply refused = status(id, "PUBLISHED");

        assertProblem(refused, 409);
        assertThat(refused.json().get("detail").asText()).contains("DRAFT", "PUBLISHED", "IN_REVIEW");
        assertThat(refused.json().get("allowedTransitions").toString()).isEqualTo("[\"IN_REVIEW\"]");
        assertThat(api.as(CAROL).get(path(id)).json().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void refusesCreatingInALaterStatus() {
        Reply refused = api.as(CAROL).post(BASE, specBody().replaceFirst("\\{", "{\"status\":\"PUBLISHED\","));
        assertProblem(refused, 409);
    }

    @Test
    void aPublishedPostMortemIsLockedButItsItemsCanProgress() {
        String id = published();
        JsonNode doc = api.as(CAROL).get(path(id)).json();
        String item = doc.get("actionItems").get(0).get("id").asText();
        String event = doc.get("timeline").get(0).get("id").asText();

        Reply title = api.as(CAROL).patch(path(id), "{\"title\":\"Rewritten\"}");
        assertProblem(title, 409);
        assertThat(title.json().get("detail").asText()).contains("PUBLISHED", "title");
        assertProblem(api.as(CAROL).post(path(id) + "/timeline", "{\"time\":\"16:00\",\"description\":\"x\"}"), 409);
        assertProblem(api.as(CAROL).patch(path(id) + "/timeline/" + event, "{\"description\":\"x\"}"), 409);
        assertProblem(api.as(CAROL).patch(path(id) + "/action-items/" + item, "{\"description\":\"x\"}"), 409);
        assertProblem(api.as(CAROL).delete(path(id) + "/action-items/" + item), 409);
        assertProblem(api.as(CAROL).delete(path(id)), 409);

        Reply progressed = api.as(CAROL).patch(path(id) + "/action-items/" + item, "{\"status\":\"IN_PROGRESS\"}");
        assertThat(progressed.status()).as(progressed.toString()).isEqualTo(200);
        // the same status change through the whole-document PATCH is allowed as well
        List<JsonNode> items = new ArrayList<>();
        progressed.json().get("actionItems").forEach(items::add);
        // as read, less what the server computes (overdue), which a write may not set
        String allDone = items.stream().map(each -> {
            ObjectNode asRead = ((ObjectNode) each.deepCopy()).put("status", "DONE");
            asRead.remove("overdue");
            return asRead.toString();
        }).reduce((a, b) -> a + "," + b).orElseThrow();
        Reply done = api.as(CAROL).patch(path(id), "{\"actionItems\":[" + allDone + "]}", "If-Match",
                progressed.header("ETag"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("title")).isEqualTo(doc.get("title"));
    }

    @Test
    void archivingWaitsForEveryItemAndThenLocksEverything() {
        String id = published();
        JsonNode doc = api.as(CAROL).get(path(id)).json();

        Reply refused = status(id, "ARCHIVED");
        assertProblem(refused, 409);
        assertThat(refused.json().get("detail").asText()).contains("Add connection pool usage monitoring and alerts",
                "Add a connection leak test to CI");

        for (JsonNode item : doc.get("actionItems")) {
            api.as(CAROL).patch(path(id) + "/action-items/" + item.get("id").asText(), "{\"status\":\"DONE\"}");
        }
        assertThat(status(id, "ARCHIVED").status()).isEqualTo(200);
        String item = doc.get("actionItems").get(0).get("id").asText();
        assertProblem(api.as(CAROL).patch(path(id) + "/action-items/" + item, "{\"status\":\"TODO\"}"), 409);
        assertProblem(status(id, "PUBLISHED"), 409);
        assertProblem(api.as(CAROL).delete(path(id)), 409);
        assertThat(api.as(ALICE).get(path(id)).json().get("status").asText()).isEqualTo("ARCHIVED");
    }

    private String published() {
        String id = createSpec(CAROL, body -> body.put("status", "IN_REVIEW")).id();
        approved(BOB, id);
        assertThat(status(id, "PUBLISHED").status()).isEqualTo(200);
        return id;
    }
}
