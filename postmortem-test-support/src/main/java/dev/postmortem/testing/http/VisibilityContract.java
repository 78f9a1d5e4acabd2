package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ADMIN;
import static dev.postmortem.testing.http.ContractUsers.ALICE;
import static dev.postmortem.testing.http.ContractUsers.BOB;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static dev.postmortem.testing.http.ContractUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who sees and changes what: creator, contributor, item owner, another user, admin, nobody. */
abstract class VisibilityContract extends ContractTopic {

    VisibilityContract(ContractClient api) {
        super(api);
    }

    @Test
    void draftsAreVisibleToCreatorContributorsAndAdminsOnly() {
        String incident = ContractIncidents.fresh();
        String id = createSpec(CAROL, body -> body.put("incidentId", incident).putArray("contributors")
                .add("bob@example.com")).id();

        assertThat(api.as(CAROL).get(path(id)).status()).isEqualTo(200);
        assertThat(api.as(BOB).get(path(id)).status()).isEqualTo(200);
        assertThat(api.as(ADMIN).get(path(id)).status()).isEqualTo(200);
        Reply hidden = api.as(DAVE).get(path(id));
        assertProblem(hidden, 404);
        Reply missing = api.as(DAVE).get(path(UUID.randomUUID().toString()));
        assertThat(hidden.json().get("title")).isEqualTo(missing.json().get("title"));
        assertProblem(api.as(ALICE).get(path(id)), 404);
        assertProblem(api.as(DAVE).patch(path(id), "{\"title\":\"x\"}"), 404);
        assertProblem(api.as(DAVE).delete(path(id)), 404);
        assertProblem(api.as(DAVE).get(path(id) + "/export"), 404);

        assertThat(ids(CAROL, incident)).containsExactly(id);
        assertThat(ids(BOB, incident)).containsExactly(id);
        assertThat(ids(ADMIN, incident)).containsExactly(id);
        assertThat(ids(DAVE, incident)).isEmpty();
    }

    @Test
    void anonymousCallersAreAskedToAuthenticate() {
        String id = createSpec(CAROL, body -> body.put("status", "IN_REVIEW")).id();

        for (Reply reply : List.of(api.anonymous().get(BASE), api.anonymous().get(path(id)),
                api.anonymous().post(BASE, specBody()), api.anonymous().get("/api/postmortem-templates"))) {
            assertProblem(reply, 401);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=");
        }
        Reply wrongPassword = api.anonymous().get(path(id), "Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("carol@example.com:wrong".getBytes()));
        assertProblem(wrongPassword, 401);
    }

    @Test
    void reviewsAreVisibleToTheTenantButEditableOnlyByEditors() {
        String id = createSpec(CAROL, body -> body.put("status", "IN_REVIEW")).id();

        assertThat(api.as(DAVE).get(path(id)).status()).isEqualTo(200);
        assertThat(api.as(DAVE).get(path(id)).json().get("allowedTransitions")).isEmpty();
        assertProblem(api.as(DAVE).patch(path(id), "{\"title\":\"Mine now\"}"), 403);
        assertProblem(api.as(DAVE).patch(path(id), "{\"status\":\"PUBLISHED\"}"), 403);
        assertProblem(api.as(DAVE).delete(path(id)), 403);
        assertProblem(api.as(DAVE).post(path(id) + "/timeline", "{\"time\":\"16:00\",\"description\":\"x\"}"), 403);
        assertThat(api.as(ADMIN).patch(path(id), "{\"impact\":\"Admin's words\"}").status()).isEqualTo(200);
        assertThat(api.as(CAROL).get(path(id)).json().get("impact").asText()).isEqualTo("Admin's words");
    }

    @Test
    void anItemsOwnerMayChangeThatItemsStatusOnly() {
        String id = createSpec(CAROL, body -> body.put("status", "IN_REVIEW")).id();
        approved(DAVE, id);
        api.as(CAROL).patch(path(id), "{\"status\":\"PUBLISHED\"}");
        JsonNode items = api.as(ALICE).get(path(id)).json().get("actionItems");
        String alices = items.get(0).get("id").asText();
        String bobs = items.get(1).get("id").asText();

        assertThat(api.as(ALICE).patch(path(id) + "/action-items/" + alices, "{\"status\":\"DONE\"}").status())
                .isEqualTo(200);
        assertProblem(api.as(ALICE).patch(path(id) + "/action-items/" + bobs, "{\"status\":\"DONE\"}"), 403);
        assertProblem(api.as(ALICE).patch(path(id) + "/action-items/" + alices, "{\"owner\":\"dave@example.com\"}"),
                403);
        assertThat(api.as(CAROL).get(path(id)).json().get("actionItems").get(1).get("status").asText())
                .isEqualTo("TODO");
    }

    @Test
    void eachCallerIsToldTheEditsTheyMayMakeNow() {
        String id = createSpec(CAROL, body -> body.put("status", "IN_REVIEW")).id();
        JsonNode items = api.as(CAROL).get(path(id)).json().get("actionItems");
        String alices = items.get(0).get("id").asText();
        String bobs = items.get(1).get("id").asText();

        assertAllowedEdits(CAROL, id, true, alices, bobs);
        assertAllowedEdits(ALICE, id, false, alices);
        assertAllowedEdits(DAVE, id, false);
        approved(DAVE, id);
        api.as(CAROL).patch(path(id), "{\"status\":\"PUBLISHED\"}");
        assertAllowedEdits(CAROL, id, false, alices, bobs);
        assertAllowedEdits(BOB, id, false, bobs);
        api.as(CAROL).patch(path(id) + "/action-items/" + alices, "{\"status\":\"DONE\"}");
        api.as(CAROL).patch(path(id) + "/action-items/" + bobs, "{\"status\":\"DONE\"}");
        api.as(CAROL).patch(path(id), "{\"status\":\"ARCHIVED\"}");
        assertAllowedEdits(CAROL, id, false);
        assertAllowedEdits(ADMIN, id, false);
    }

    private void assertAllowedEdits(ContractUsers user, String id, boolean content, String... itemStatus) {
        JsonNode edits = api.as(user).get(path(id)).json().get("allowedEdits");
        assertThat(edits.get("content").asBoolean()).as(user + " may edit the content").isEqualTo(content);
        List<String> items = new ArrayList<>();
        edits.get("actionItemStatus").forEach(item -> items.add(item.asText()));
        assertThat(items).as(user + " may change the status of").containsExactly(itemStatus);
    }

    private List<String> ids(ContractUsers user, String incident) {
        List<String> ids = new ArrayList<>();
        api.as(user).get(BASE + "?incidentId=" + incident).json().get("items")
                .forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
