package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ALICE;
import static dev.postmortem.testing.http.ContractUsers.BOB;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static dev.postmortem.testing.http.ContractUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Search: every text of a post-mortem and its comments is found, hits rank by where the words
 * are, each hit shows its passage as plain text with the words' offsets, and nothing the caller
 * cannot open is found.
 */
abstract class SearchContract extends ContractTopic {

    SearchContract(ContractClient api) {
        super(api);
    }

    /** A word of letters only that no other test writes, so that a search finds only this test's documents. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString();
    }

    /** A post-mortem in review, which every user of the tenant may open, unless {@code change} says otherwise. */
    private String create(ContractUsers user, String title, Consumer<ObjectNode> change) {
        return createSpec(user, body -> {
            body.put("title", title).put("status", "IN_REVIEW");
            change.accept(body);
        }).id();
    }

    private JsonNode search(ContractUsers user, String query) {
        Reply listed = api.as(user).get(BASE + "?limit=100&q=" + query);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json();
    }

    private static List<String> titles(JsonNode list) {
        List<String> titles = new ArrayList<>();
        list.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    /** The one hit's highlight, after checking that its matches mark exactly {@code word} in its text. */
    private static JsonNode onlyHighlight(JsonNode list, String word) {
        assertThat(list.get("items")).hasSize(1);
        JsonNode highlight = list.get("items").get(0).get("highlight");
        assertThat(highlight.isObject()).as(list.toString()).isTrue();
        String text = highlight.get("text").asText();
        assertThat(highlight.get("matches")).as(highlight.toString()).isNotEmpty();
        highlight.get("matches").forEach(match -> assertThat(
                text.substring(match.get(0).asInt(), match.get(1).asInt()).toLowerCase(Locale.ROOT)).isEqualTo(word));
        return highlight;
    }

    @Test
    void aWordOnlyInAnActionItemATimelineEventASubSectionOrAFindingIsFound() {
        String inItem = uniqueWord();
        String inEvent = uniqueWord();
        String inFactor = uniqueWord();
        String inBusinessImpact = uniqueWord();
        Reply item = createSpec(CAROL, body -> {
            body.put("title", "Item").put("status", "IN_REVIEW");
            ((ObjectNode) body.withArray("actionItems").get(1)).put("description", "Add a " + inItem + " to CI");
        });
        Reply event = createSpec(CAROL, body -> {
            body.put("title", "Event").put("status", "IN_REVIEW");
            ((ObjectNode) body.withArray("timeline").get(2)).put("description", "Pool " + inEvent + " identified");
        });
        create(CAROL, "Factor", body -> body.putArray("contributingFactors").add("no limit").add("a " + inFactor));
        create(CAROL, "Business", body -> body.put("businessImpact", "SLA credits for " + inBusinessImpact));

        JsonNode byItem = search(DAVE, inItem);
        assertThat(titles(byItem)).containsExactly("Item");
        assertThat(onlyHighlight(byItem, inItem).get("field").asText())
                .isEqualTo("actionItems/" + item.json().get("actionItems").get(1).get("id").asText());
        JsonNode byEvent = search(DAVE, inEvent.toUpperCase(Locale.ROOT));
        assertThat(titles(byEvent)).containsExactly("Event");
        assertThat(onlyHighlight(byEvent, inEvent).get("field").asText())
                .isEqualTo("timeline/" + event.json().get("timeline").get(2).get("id").asText());
        JsonNode byFactor = search(DAVE, inFactor);
        assertThat(titles(byFactor)).containsExactly("Factor");
        assertThat(onlyHighlight(byFactor, inFactor).get("field").asText())
                .isEqualTo("rootCause.contributingFactors/1");
        JsonNode byImpact = search(DAVE, inBusinessImpact);
        assertThat(titles(byImpact)).containsExactly("Business");
        assertThat(onlyHighlight(byImpact, inBusinessImpact).get("field").asText()).isEqualTo("impact.businessImpact");
    }

    @Test
    void aWordOnlyInACommentIsFoundUntilTheCommentIsDeleted() {
        String word = uniqueWord();
        String id = create(CAROL, "Commented", body -> { });
        Reply comment = api.as(BOB).post(path(id) + "/comments", "{\"body\":\"Was the " + word
                + " considered?\",\"anchor\":\"rootCause\"}");
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);

        JsonNode found = search(DAVE, word);
        assertThat(titles(found)).containsExactly("Commented");
        assertThat(onlyHighlight(found, word).get("field").asText()).isEqualTo("comments/" + comment.id());
        JsonNode edited = api.as(BOB).patch(path(id) + "/comments/" + comment.id(), "{\"body\":\"Never mind.\"}").json();
        assertThat(edited.get("body").asText()).isEqualTo("Never mind.");
        assertThat(titles(search(DAVE, word))).as("an edited comment no longer holds the word").isEmpty();
        assertThat(titles(search(DAVE, "mind"))).contains("Commented");
        assertThat(api.as(BOB).delete(path(id) + "/comments/" + comment.id()).status()).isEqualTo(204);
        assertThat(titles(search(DAVE, "mind"))).doesNotContain("Commented");
    }

    @Test
    void everyWordMustOccurSomewhereInTheDocument() {
        String inTitle = uniqueWord();
        String inComment = uniqueWord();
        String id = create(CAROL, "Both " + inTitle, body -> { });
        api.as(DAVE).post(path(id) + "/comments", "{\"body\":\"" + inComment + "\"}");

        assertThat(titles(search(DAVE, inTitle + "+" + inComment))).containsExactly("Both " + inTitle);
        assertThat(titles(search(DAVE, inTitle + "+" + uniqueWord()))).isEmpty();
    }

    @Test
    void relevanceRanksTitleAboveSummaryAboveTheRestAboveComments() {
        String word = uniqueWord();
        create(CAROL, "In the title " + word, body -> { });
        create(CAROL, "In the summary", body -> body.put("summary", "The " + word + " pool was exhausted."));
        create(CAROL, "In an item", body -> ((ObjectNode) body.withArray("actionItems").get(0))
                .put("description", "Monitor the " + word));
        String commented = create(CAROL, "In a comment", body -> { });
        api.as(DAVE).post(path(commented) + "/comments", "{\"body\":\"What about the " + word + "?\"}");

        assertThat(titles(search(DAVE, word))).as("newest first by default")
                .containsExactly("In a comment", "In an item", "In the summary", "In the title " + word);
        JsonNode first = api.as(DAVE).get(BASE + "?sort=relevance&limit=2&q=" + word).json();
        assertThat(titles(first)).containsExactly("In the title " + word, "In the summary");
        assertThat(first.get("items").get(0).get("highlight").get("field").asText()).isEqualTo("title");
        JsonNode second = api.as(DAVE).get(BASE + "?sort=relevance&limit=2&q=" + word + "&cursor="
                + first.get("nextCursor").asText()).json();
        assertThat(titles(second)).containsExactly("In an item", "In a comment");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aHighlightIsPlainTextThatNoClientRendersAsMarkup() {
        String word = uniqueWord();
        String hostile = "<img src=x onerror=alert(1)> & <b>" + word + "</b> \"quoted\"";
        create(CAROL, "Hostile", body -> body.put("summary", hostile));

        JsonNode highlight = onlyHighlight(search(DAVE, word), word);
        assertThat(highlight.get("field").asText()).isEqualTo("summary");
        assertThat(highlight.get("text").asText()).as("as written: neither marked up nor escaped").isEqualTo(hostile);
        assertThat(highlight.get("matches").toString()).isEqualTo("[[" + hostile.indexOf(word) + ","
                + (hostile.indexOf(word) + word.length()) + "]]");
    }

    @Test
    void aLongTextIsCutToThePassageAroundTheWord() {
        String word = uniqueWord();
        String filler = "The pool held steady while traffic grew through the afternoon. ".repeat(20);
        create(CAROL, "Long", body -> body.put("rootCause", filler + "Then the " + word + " leaked. " + filler));

        JsonNode highlight = onlyHighlight(search(DAVE, word), word);
        String text = highlight.get("text").asText();
        assertThat(text).startsWith("…").endsWith("…").contains("Then the " + word + " leaked.");
        assertThat(text.length()).isLessThanOrEqualTo(202);
    }

    @Test
    void nothingTheCallerCannotOpenIsFoundOrHighlighted() {
        String word = uniqueWord();
        create(ALICE, "Alice's draft " + word, body -> body.put("status", "DRAFT"));
        String published = create(CAROL, "Carol's", body -> { });
        api.as(ALICE).post(path(published) + "/comments", "{\"body\":\"about " + word + "\"}");

        assertThat(titles(search(DAVE, word))).containsExactly("Carol's");
        assertThat(titles(search(ALICE, word))).containsExactlyInAnyOrder("Carol's", "Alice's draft " + word);
        assertThat(titles(api.as(DAVE).get(BASE + "?sort=relevance&q=" + word).json())).containsExactly("Carol's");
    }

    @Test
    void relevanceNeedsWordsAndItsOwnCursors() {
        assertProblem(api.as(DAVE).get(BASE + "?sort=relevance"), 400);
        assertThat(api.as(DAVE).get(BASE + "?sort=relevance").errorFields()).containsExactly("sort");
        assertThat(api.as(DAVE).get(BASE + "?sort=best&q=pool").errorFields()).containsExactly("sort");
        createSpec(CAROL);
        createSpec(CAROL);
        String newestCursor = api.as(DAVE).get(BASE + "?limit=1&q=pool").json().get("nextCursor").asText();
        assertThat(api.as(DAVE).get(BASE + "?sort=relevance&q=pool&cursor=" + newestCursor).errorFields())
                .containsExactly("cursor");
        String relevanceCursor = api.as(DAVE).get(BASE + "?sort=relevance&limit=1&q=pool").json()
                .get("nextCursor").asText();
        assertThat(api.as(DAVE).get(BASE + "?q=pool&cursor=" + relevanceCursor).errorFields())
                .containsExactly("cursor");
        assertThat(api.as(DAVE).get(BASE + "?q=" + URLEncoder.encode("100%_!", StandardCharsets.UTF_8)).status())
                .as("LIKE's wildcards are searched as text").isEqualTo(200);
    }
}
