package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ADMIN;
import static dev.postmortem.testing.http.ContractUsers.ALICE;
import static dev.postmortem.testing.http.ContractUsers.BOB;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static dev.postmortem.testing.http.ContractUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Review comments: threads on every kind of anchor, who may do what, the end of the review, bad input. */
abstract class CommentContract extends ContractTopic {

    CommentContract(ContractClient api) {
        super(api);
    }

    private String inReview() {
        return createSpec(CAROL, body -> body.put("status", "IN_REVIEW")).id();
    }

    private static String comments(String id) {
        return path(id) + "/comments";
    }

    private Reply comment(ContractUsers user, String id, String json) {
        return api.as(user).post(comments(id), json);
    }

    private JsonNode added(ContractUsers user, String id, String json) {
        Reply reply = comment(user, id, json);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo(comments(id) + "/" + reply.json().get("id").asText());
        return reply.json();
    }

    /** The fields a 400 problem names. */
    private static List<String> refused(Reply reply) {
        assertProblem(reply, 400);
        return reply.errorFields();
    }

    @Test
    void threadsOnTheWholeOnEveryPartAndOnEveryKindOfElement() {
        String id = inReview();
        JsonNode doc = api.as(CAROL).get(path(id)).json();
        List<String> anchors = new ArrayList<>(List.of("summary", "impact", "businessImpact", "rootCause",
                "contributingFactors", "whyNotCaughtEarlier", "lessonsLearned"));
        anchors.add("timeline/" + doc.get("timeline").get(2).get("id").asText());
        anchors.add("actionItems/" + doc.get("actionItems").get(1).get("id").asText());
        JsonNode whole = added(BOB, id, "{\"body\":\"Thanks for writing this up.\"}");
        for (String anchor : anchors) {
            JsonNode on = added(BOB, id, "{\"body\":\"About this part\",\"anchor\":\"" + anchor + "\"}");
            assertThat(on.get("anchor").asText()).isEqualTo(anchor);
        }
        JsonNode reply = added(CAROL, id, "{\"body\":\"Agreed\",\"inReplyTo\":\"" + whole.get("id").asText() + "\"}");

        assertThat(whole.get("anchor").isNull()).isTrue();
        assertThat(whole.get("author").asText()).isEqualTo(BOB.email());
        assertThat(whole.get("resolved").asBoolean()).isFalse();
        assertThat(reply.get("inReplyTo").asText()).isEqualTo(whole.get("id").asText());
        JsonNode page = api.as(DAVE).get(comments(id) + "?limit=100").json();
        List<String> listed = new ArrayList<>();
        page.get("items").forEach(item -> listed.add(item.get("anchor").isNull() ? null : item.get("anchor").asText()));
        List<String> expected = new ArrayList<>();
        expected.add(null);
        expected.addAll(anchors);
        expected.add(null);
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void authorsEditTheirOwnAndTheThreadsAuthorOrAnEditorResolvesIt() {
        String id = inReview();
        String thread = added(BOB, id, "{\"body\":\"Which pool?\",\"anchor\":\"rootCause\"}").get("id").asText();
        String reply = added(DAVE, id, "{\"body\":\"Me too\",\"inReplyTo\":\"" + thread + "\"}").get("id").asText();

        assertProblem(api.as(CAROL).patch(comments(id) + "/" + thread, "{\"body\":\"Rewritten\"}"), 403);
        assertProblem(api.as(DAVE).patch(comments(id) + "/" + thread, "{\"resolved\":true}"), 403);
        assertProblem(api.as(DAVE).delete(comments(id) + "/" + thread), 403);
        Reply edited = api.as(BOB).patch(comments(id) + "/" + thread, "{\"body\":\"Which pool, exactly?\"}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("body").asText()).isEqualTo("Which pool, exactly?");
        Reply resolved = api.as(CAROL).patch(comments(id) + "/" + thread, "{\"resolved\":true}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().get("resolvedBy").asText()).isEqualTo(CAROL.email());
        assertThat(api.as(BOB).get(comments(id) + "/" + thread).json().get("resolved").asBoolean()).isTrue();
        Reply reopened = api.as(BOB).patch(comments(id) + "/" + thread, "{\"resolved\":false}");
        assertThat(reopened.json().get("resolved").asBoolean()).isFalse();
        assertThat(reopened.json().get("resolvedBy").isNull()).isTrue();

        Reply hasReplies = api.as(BOB).delete(comments(id) + "/" + thread);
        assertProblem(hasReplies, 409);
        assertThat(hasReplies.json().get("type").asText()).isEqualTo("urn:postmortem:problem:comment-has-replies");
        assertThat(api.as(DAVE).delete(comments(id) + "/" + reply).status()).isEqualTo(204);
        assertThat(api.as(BOB).delete(comments(id) + "/" + thread).status()).isEqualTo(204);
        assertProblem(api.as(BOB).get(comments(id) + "/" + thread), 404);
    }

    @Test
    void aNonViewerGetsTheSame404AsForAMissingPostMortem() {
        String draftOfBob = createSpec(BOB).id();
        String thread = added(BOB, draftOfBob, "{\"body\":\"Note to self\"}").get("id").asText();
        String missing = UUID.randomUUID().toString();

        for (String target : List.of(draftOfBob, missing)) {
            Reply list = api.as(ALICE).get(comments(target));
            Reply add = comment(ALICE, target, "{\"body\":\"Peek\"}");
            Reply one = api.as(ALICE).get(comments(target) + "/" + thread);
            Reply resolve = api.as(ALICE).patch(comments(target) + "/" + thread, "{\"resolved\":true}");
            for (Reply reply : List.of(list, add, one, resolve)) {
                assertProblem(reply, 404);
                assertThat(reply.json().get("detail").asText()).isEqualTo("No post-mortem " + target + ".");
            }
        }
        assertThat(api.as(BOB).get(comments(draftOfBob)).json().get("items")).hasSize(1);
    }

    @Test
    void aCommentOnARemovedElementStaysMarkedAndPublishingEndsTheReview() {
        String id = inReview();
        String item = api.as(CAROL).get(path(id)).json().get("actionItems").get(1).get("id").asText();
        String onItem = added(BOB, id, "{\"body\":\"Is CI the right place?\",\"anchor\":\"actionItems/" + item + "\"}")
                .get("id").asText();
        assertThat(api.as(CAROL).delete(path(id) + "/action-items/" + item).status()).isEqualTo(200);

        JsonNode kept = api.as(BOB).get(comments(id) + "/" + onItem).json();
        assertThat(kept.get("anchorRemoved").asBoolean()).isTrue();
        assertThat(kept.get("body").asText()).isEqualTo("Is CI the right place?");

        // the thread on the removed item is open: only an admin may publish past it here
        assertThat(api.as(ADMIN).patch(path(id), "{\"status\":\"PUBLISHED\"}").status()).isEqualTo(200);
        assertProblem(comment(BOB, id, "{\"body\":\"Late\"}"), 409);
        assertProblem(api.as(BOB).patch(comments(id) + "/" + onItem, "{\"resolved\":true}"), 409);
        assertProblem(api.as(BOB).delete(comments(id) + "/" + onItem), 409);
        assertThat(api.as(DAVE).get(comments(id)).json().get("items")).hasSize(1);
    }

    @Test
    void badCommentsAreRefusedNamingTheField() {
        String id = inReview();
        String thread = added(BOB, id, "{\"body\":\"Which pool?\"}").get("id").asText();
        String reply = added(CAROL, id, "{\"body\":\"Main\",\"inReplyTo\":\"" + thread + "\"}").get("id").asText();
        ObjectNode tooLong = ContractClient.JSON.createObjectNode().put("body", "x".repeat(10_001));

        assertThat(refused(comment(BOB, id, "{\"body\":\"x\",\"anchor\":\"nonsense\"}"))).containsExactly("anchor");
        assertThat(refused(comment(BOB, id, "{\"body\":\"x\",\"anchor\":\"timeline/" + UUID.randomUUID() + "\"}")))
                .containsExactly("anchor");
        assertThat(refused(comment(BOB, id, "{\"body\":\"  \"}"))).containsExactly("body");
        assertThat(refused(comment(BOB, id, json(tooLong)))).containsExactly("body");
        assertThat(refused(comment(BOB, id, "{\"body\":\"x\",\"author\":\"ceo@example.com\"}")))
                .containsExactly("author");
        assertThat(refused(comment(BOB, id, "{\"body\":\"x\",\"mood\":\"angry\"}"))).containsExactly("mood");
        assertThat(refused(comment(BOB, id, "{\"body\":\"x\",\"inReplyTo\":\"" + UUID.randomUUID() + "\"}")))
                .containsExactly("inReplyTo");
        assertThat(refused(comment(BOB, id, "{\"body\":\"x\",\"inReplyTo\":\"" + thread
                + "\",\"anchor\":\"impact\"}"))).containsExactly("anchor");
        assertThat(refused(api.as(CAROL).patch(comments(id) + "/" + reply, "{\"resolved\":true}")))
                .containsExactly("resolved");
        assertThat(refused(api.as(BOB).patch(comments(id) + "/" + thread, "{\"resolved\":null}")))
                .containsExactly("resolved");
        assertThat(refused(api.as(BOB).patch(comments(id) + "/" + thread, "{\"resolved\":\"yes\"}")))
                .containsExactly("resolved");
        assertThat(refused(api.as(BOB).get(comments(id) + "?cursor=bm90LWEtY3Vyc29y"))).containsExactly("cursor");
        assertThat(api.as(BOB).get(comments(id)).json().get("items")).hasSize(2);
    }

    @Test
    void bodiesAreKeptAsWrittenAndRenderedAsSafeMarkdown() {
        String id = inReview();
        String written = "**Why** was `pool_size` 10? <script>alert(1)</script> [runbook](javascript:alert(2))"
                + " ![graph](https://tracker.example.com/pixel.png)";
        JsonNode comment = added(BOB, id, ContractClient.JSON.createObjectNode().put("body", written).toString());

        assertThat(comment.get("body").asText()).isEqualTo(written);
        String html = comment.get("bodyHtml").asText();
        assertThat(html).contains("<strong>Why</strong>", "<code>pool_size</code>", "&lt;script&gt;", "graph")
                .doesNotContain("<script", "javascript:", "<img", "pixel.png");
        assertThat(api.as(DAVE).get(comments(id) + "/" + comment.get("id").asText()).json().get("bodyHtml").asText())
                .isEqualTo(html);
    }

    @Test
    void pagesRunOldestFirst() {
        String id = inReview();
        for (int i = 0; i < 3; i++) {
            added(BOB, id, "{\"body\":\"Comment " + i + "\"}");
        }

        JsonNode first = api.as(CAROL).get(comments(id) + "?limit=2").json();
        JsonNode second = api.as(CAROL).get(comments(id) + "?limit=2&cursor=" + first.get("nextCursor").asText())
                .json();

        assertThat(first.get("items").get(0).get("body").asText()).isEqualTo("Comment 0");
        assertThat(first.get("items").get(1).get("body").asText()).isEqualTo("Comment 1");
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("body").asText()).isEqualTo("Comment 2");
        assertThat(second.get("nextCursor").isNull()).isTrue();
        for (String limit : new String[] {"0", "101"}) {
            assertThat(refused(api.as(CAROL).get(comments(id) + "?limit=" + limit))).containsExactly("limit");
        }
    }
}
