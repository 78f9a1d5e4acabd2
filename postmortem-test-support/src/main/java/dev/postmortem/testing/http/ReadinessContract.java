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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /{id}/readiness} and its gate: every built-in rule with a document that passes it
 * and one that fails it, the blameless language rule in many phrasings (some must not trigger),
 * and the refusal to move a post-mortem with ERROR findings to review or to publish it.
 */
abstract class ReadinessContract extends ContractTopic {

    ReadinessContract(ContractClient api) {
        super(api);
    }

    private Reply readiness(ContractUsers user, String id) {
        Reply reply = api.as(user).get(path(id) + "/readiness");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    private JsonNode findingsOf(String id) {
        return readiness(CAROL, id).json().get("findings");
    }

    private static List<String> found(JsonNode findings, String rule) {
        List<String> fields = new ArrayList<>();
        findings.forEach(finding -> {
            if (finding.get("rule").asText().equals(rule)) {
                fields.add(finding.get("field").isNull() ? null : finding.get("field").asText());
            }
        });
        return fields;
    }

    private String draft(Consumer<ObjectNode> change) {
        return createSpec(CAROL, change).id();
    }

    @Test
    void theSpecExampleHasOnlyWarningsAndGoesToReview() {
        String id = draft(body -> { });

        JsonNode readiness = readiness(CAROL, id).json();

        assertThat(readiness.get("ready").asBoolean()).isTrue();
        readiness.get("findings").forEach(finding -> assertThat(finding.get("severity").asText()).isEqualTo("WARNING"));
        assertThat(found(readiness.get("findings"), "key-moments")).containsExactly("timeline", "timeline");
        JsonNode first = readiness.get("findings").get(0);
        assertThat(first.get("message").asText()).contains("DETECTED");
        assertThat(first.get("suggestion").asText()).isNotBlank();
        Reply submitted = api.as(CAROL).patch(path(id), "{\"status\":\"IN_REVIEW\"}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    }

    @Test
    void emptySectionsKeepADraftOutOfReviewAndChangeNothing() {
        String id = draft(body -> {
            body.put("summary", "");
            body.remove("impact");
            body.remove("rootCause");
        });
        JsonNode readiness = readiness(CAROL, id).json();
        assertThat(readiness.get("ready").asBoolean()).isFalse();
        assertThat(found(readiness.get("findings"), "required-sections")).containsExactly("summary", "impact",
                "rootCause");
        long version = api.as(CAROL).get(path(id)).version();

        Reply refused = api.as(CAROL).patch(path(id), "{\"status\":\"IN_REVIEW\"}");

        assertProblem(refused, 409);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:postmortem:problem:not-ready");
        assertThat(found(refused.json().get("findings"), "required-sections")).containsExactly("summary", "impact",
                "rootCause");
        assertThat(refused.json().get("detail").asText()).contains("rootCause");
        JsonNode after = api.as(CAROL).get(path(id)).json();
        assertThat(after.get("status").asText()).isEqualTo("DRAFT");
        assertThat(after.get("version").asLong()).isEqualTo(version);

        Reply written = api.as(CAROL).patch(path(id), "{\"summary\":\"Checkout failed for 20 minutes.\","
                + "\"impact\":\"2% of orders failed.\",\"rootCause\":\"A pool too small for the new feature.\","
                + "\"status\":\"IN_REVIEW\"}");
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        assertThat(written.json().get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aDraftCreatedInReviewWithErrorsIsNotCreated() {
        String marker = "Unready" + System.nanoTime();
        ObjectNode body = specJson().put("title", marker).put("status", "IN_REVIEW").put("rootCause", "TBD");

        Reply refused = api.as(CAROL).post(BASE, json(body));

        assertProblem(refused, 409);
        assertThat(found(refused.json().get("findings"), "placeholders")).containsExactly("rootCause");
        assertThat(api.as(CAROL).get(BASE + "?q=" + marker).json().get("items")).isEmpty();
    }

    @Test
    void aTemplatesQuestionLeftInASectionIsFound() {
        String hint = api.as(CAROL).get("/api/postmortem-templates/database-outage").json().get("hints")
                .get("rootCause").asText();
        String withHint = draft(body -> body.put("templateId", "database-outage").put("rootCause", hint));
        String answered = draft(body -> body.put("templateId", "database-outage"));

        assertThat(found(findingsOf(withHint), "template-hints")).containsExactly("rootCause");
        assertThat(found(findingsOf(answered), "template-hints")).isEmpty();
    }

    @Test
    void placeholdersAreFoundWhereverTheyAre() {
        String id = draft(body -> {
            body.put("summary", "TODO: summarise once the vendor answers");
            ((ObjectNode) body.get("timeline").get(1)).put("description", "[insert who acknowledged]");
            ((ObjectNode) body.get("actionItems").get(0)).put("description", "Alert on <service name> pool usage");
            body.put("impact", "Orders from {incidentId} failed ???");
        });

        assertThat(found(findingsOf(id), "placeholders")).containsExactly("summary", "impact",
                "timeline[1].description", "actionItems[0].description");
        String todoInProse = draft(body -> body.put("summary", "The to-do list of the release had no load test."));
        assertThat(found(findingsOf(todoInProse), "placeholders")).isEmpty();
    }

    static Stream<Arguments> phrasings() {
        return Stream.of(
                Arguments.of("Human error during the failover left the replica behind.", true),
                Arguments.of("HUMAN ERROR in the runbook step.", true),
                Arguments.of("The operator was careless with the migration flags.", true),
                Arguments.of("It was the fault of Bob, who ran the script.", true),
                Arguments.of("It was Bob's fault that the pool was too small.", true),
                Arguments.of("Bob screwed up and should be punished.", true),
                Arguments.of("He should have checked the pool size before deploying.", true),
                Arguments.of("She really should not have skipped the review.", true),
                Arguments.of("You should have known better.", true),
                Arguments.of("The on-call engineer failed to notice the alert.", true),
                Arguments.of("Someone forgot to renew the certificate.", true),
                Arguments.of("The developer ignored the warning in the logs.", true),
                Arguments.of("Alice accidentally deleted the index.", true),
                Arguments.of("alice@example.com should've waited for the canary.", true),
                Arguments.of("The release was negligent: nobody ran the load test.", true),
                Arguments.of("An incompetent rollout plan.", true),
                Arguments.of("A sloppy config change took the pool to zero.", true),
                Arguments.of("The team was not paying attention to the dashboard.", true),
                Arguments.of("Whoever approved this is to blame.", true),
                Arguments.of("The deploy should have been gated on the canary's error rate.", false),
                Arguments.of("The health check failed to detect the exhausted pool.", false),
                Arguments.of("The alerting rule should have fired at 80% usage.", false),
                Arguments.of("The pool's default size was too small for the new feature.", false),
                Arguments.of("No fault was found in the load balancer.", false),
                Arguments.of("The fault of the load balancer config was a missing timeout.", false),
                Arguments.of("Monitoring ignored the replica lag metric.", false),
                Arguments.of("Connections were not released after the feature flag was enabled.", false),
                Arguments.of("We hold blameless reviews; the runbook did not cover a full pool.", false),
                Arguments.of("The platform team should have been paged by the alert.", false));
    }

    @ParameterizedTest(name = "\"{0}\" blames: {1}")
    @MethodSource("phrasings")
    void blamingLanguageInTheRootCause(String rootCause, boolean blames) {
        String id = draft(body -> body.put("rootCause", rootCause));

        JsonNode findings = findingsOf(id);

        if (blames) {
            assertThat(found(findings, "blaming-language")).as(findings.toString()).contains("rootCause");
        } else {
            assertThat(found(findings, "blaming-language")).as(findings.toString()).isEmpty();
        }
    }

    @Test
    void aBlamingFindingSaysWhyAndSuggestsASystemsWording() {
        String id = draft(body -> body.put("rootCause", "Human error: a wrong flag in the migration."));

        JsonNode finding = findingsOf(id).get(0);

        assertThat(finding.get("rule").asText()).isEqualTo("blaming-language");
        assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
        assertThat(finding.get("message").asText()).contains("Human error");
        assertThat(finding.get("suggestion").asText()).contains("missing check");
    }

    @Test
    void aPersonNamedAsACauseIsFoundInImpactRootCauseAndItsParts() {
        String id = draft(body -> {
            body.put("impact", "Orders failed after @dave restarted the pool.");
            body.put("rootCause", "The pool size alice@example.com set was too small.");
            body.putArray("contributingFactors").add("No load test").add("Bob Example's change to the flags");
            body.putArray("contributors").add("bob.example@example.com");
        });
        String spec = draft(body -> { });

        assertThat(found(findingsOf(id), "person-as-cause")).containsExactly("impact", "rootCause",
                "contributingFactors[1]");
        assertThat(found(findingsOf(spec), "person-as-cause")).isEmpty();
    }

    @Test
    void itemsAndKeyMomentsAreWarningsThatNeverBlock() {
        String noItems = draft(body -> body.putArray("actionItems"));
        String unowned = draft(body -> ((ObjectNode) body.get("actionItems").get(0)).putNull("owner")
                .putNull("dueDate"));
        String measured = draft(body -> {
            ((ObjectNode) body.get("timeline").get(0)).put("keyMoment", "DETECTED");
            ((ObjectNode) body.get("timeline").get(4)).put("keyMoment", "RESOLVED");
        });

        assertThat(found(findingsOf(noItems), "action-items")).containsExactly("actionItems");
        assertThat(found(findingsOf(unowned), "high-priority-items")).containsExactly("actionItems[0].owner",
                "actionItems[0].dueDate");
        assertThat(found(findingsOf(measured), "key-moments")).isEmpty();
        assertThat(found(findingsOf(measured), "action-items")).isEmpty();
        assertThat(found(findingsOf(measured), "high-priority-items")).isEmpty();
        assertThat(api.as(CAROL).patch(path(noItems), "{\"status\":\"IN_REVIEW\"}").status()).isEqualTo(200);
        assertThat(api.as(CAROL).patch(path(unowned), "{\"status\":\"IN_REVIEW\"}").status()).isEqualTo(200);
    }

    @Test
    void blameWrittenDuringReviewKeepsItUnpublished() {
        String id = draft(body -> body.put("status", "IN_REVIEW"));
        assertThat(api.as(CAROL).patch(path(id), "{\"rootCause\":\"The operator was careless.\"}").status())
                .isEqualTo(200);

        Reply refused = api.as(CAROL).patch(path(id), "{\"status\":\"PUBLISHED\"}");

        assertProblem(refused, 409);
        assertThat(found(refused.json().get("findings"), "blaming-language")).containsExactly("rootCause");
        assertThat(api.as(CAROL).get(path(id)).json().get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void onlyThoseWhoSeeThePostMortemGetItsReadiness() {
        String draftOfBob = createSpec(BOB).id();

        assertProblem(api.as(ALICE).get(path(draftOfBob) + "/readiness"), 404);
        assertThat(readiness(BOB, draftOfBob).json().get("ready").asBoolean()).isTrue();
        assertProblem(api.as(ALICE).get(path(draftOfBob) + "/readiness?verbose=true"), 400);
    }
}
