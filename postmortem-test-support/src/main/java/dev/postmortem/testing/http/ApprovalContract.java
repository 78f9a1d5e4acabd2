package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ADMIN;
import static dev.postmortem.testing.http.ContractUsers.BOB;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static dev.postmortem.testing.http.ContractUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Approvals, on a host that requires one current approval and resolved threads to publish
 * ({@link ContractReview}): who may approve, what makes an approval stale, what publishing waits for.
 */
abstract class ApprovalContract extends ContractTopic {

    ApprovalContract(ContractClient api) {
        super(api);
    }

    private String inReview() {
        return createSpec(CAROL, body -> body.put("status", "IN_REVIEW")).id();
    }

    private Reply publish(ContractUsers user, String id) {
        return api.as(user).patch(path(id), "{\"status\":\"PUBLISHED\"}");
    }

    private JsonNode approvals(ContractUsers user, String id) {
        Reply reply = api.as(user).get(path(id) + "/approvals");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void aReviewerApprovesTheVersionTheyReadAndTheCreatorCannotApprove() {
        String id = inReview();
        long read = api.as(DAVE).get(path(id)).version();

        assertProblem(approve(CAROL, id), 403);
        Reply approved = approve(DAVE, id, "If-Match", "\"" + read + "\"");

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.header("ETag")).isEqualTo("\"" + (read + 1) + "\"");
        JsonNode approval = approved.json().get("approvals").get(0);
        assertThat(approval.get("approvedBy").asText()).isEqualTo(DAVE.email());
        assertThat(approval.get("version").asLong()).isEqualTo(read);
        assertThat(approval.get("stale").asBoolean()).isFalse();
        assertThat(approved.json().get("approvals")).hasSize(1);
        JsonNode listed = approvals(BOB, id);
        assertThat(listed.get("requiredApprovals").asInt()).isEqualTo(1);
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0)).isEqualTo(approval);
        assertThat(api.as(BOB).get(path(id)).json().get("approvals")).isEqualTo(approved.json().get("approvals"));
        assertProblem(approve(BOB, id, "If-Match", "\"" + read + "\""), 412);
    }

    @Test
    void aChangeToTheContentMakesAnApprovalStaleAndPublishingWaitsForACurrentOne() {
        String id = inReview();
        approved(DAVE, id);
        api.as(CAROL).patch(path(id), "{\"summary\":\"Rewritten after Dave's approval\"}");

        JsonNode stale = approvals(CAROL, id).get("items").get(0);
        assertThat(stale.get("stale").asBoolean()).isTrue();
        Reply refused = publish(CAROL, id);
        assertProblem(refused, 409);
        assertThat(refused.json().get("type").asText()).endsWith("approvals-missing");
        assertThat(refused.json().get("requiredApprovals").asInt()).isEqualTo(1);
        assertThat(refused.json().get("currentApprovals")).isEmpty();
        assertThat(refused.json().get("staleApprovals").get(0).asText()).isEqualTo(DAVE.email());
        assertThat(refused.json().get("detail").asText()).contains("1 current approval", DAVE.email());
        assertThat(api.as(CAROL).get(path(id)).json().get("status").asText()).isEqualTo("IN_REVIEW");

        approved(DAVE, id);
        JsonNode current = approvals(CAROL, id).get("items");
        assertThat(current).hasSize(1);
        assertThat(current.get(0).get("stale").asBoolean()).isFalse();
        assertThat(publish(CAROL, id).status()).isEqualTo(200);
    }

    @Test
    void aStatusChangeLeavesApprovalsCurrent() {
        String id = createSpec(CAROL).id();
        approved(ADMIN, id);
        api.as(CAROL).patch(path(id), "{\"status\":\"IN_REVIEW\"}");

        assertThat(approvals(CAROL, id).get("items").get(0).get("stale").asBoolean()).isFalse();
        assertThat(publish(CAROL, id).status()).isEqualTo(200);
    }

    @Test
    void publishingWaitsForEveryThreadToBeResolved() {
        String id = inReview();
        approved(BOB, id);
        String thread = api.as(BOB).post(path(id) + "/comments", "{\"body\":\"Which alert fired first?\"}").id();

        Reply refused = publish(CAROL, id);
        assertProblem(refused, 409);
        assertThat(refused.json().get("unresolvedThreads").asInt()).isEqualTo(1);
        assertThat(refused.json().get("currentApprovals").get(0).asText()).isEqualTo(BOB.email());

        api.as(CAROL).patch(path(id) + "/comments/" + thread, "{\"resolved\":true}");
        assertThat(publish(CAROL, id).status()).isEqualTo(200);
    }

    @Test
    void anAdminMayPublishWithoutApprovals() {
        String id = inReview();
        api.as(BOB).post(path(id) + "/comments", "{\"body\":\"Still open\"}");

        assertProblem(publish(CAROL, id), 409);
        Reply published = publish(ADMIN, id);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("approvals")).isEmpty();
    }

    @Test
    void onlyThoseWhoSeeItApproveAndOnlyBeforePublication() {
        String draft = createSpec(CAROL).id();
        assertProblem(approve(DAVE, draft), 404);
        assertProblem(api.as(DAVE).get(path(draft) + "/approvals"), 404);
        assertThat(api.as(CAROL).get(path(draft)).json().get("approvals")).isEmpty();

        String id = inReview();
        approved(DAVE, id);
        approved(DAVE, id);
        assertThat(approvals(CAROL, id).get("items")).hasSize(1);
        assertThat(publish(CAROL, id).status()).isEqualTo(200);
        assertProblem(approve(BOB, id), 409);
        assertThat(approvals(BOB, id).get("items")).hasSize(1);
    }
}
