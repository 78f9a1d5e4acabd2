package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ALICE;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static dev.postmortem.testing.http.ContractUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Classification: normalised tags, categories from the catalog, and the listing's filters. */
abstract class ClassificationContract extends ContractTopic {

    ClassificationContract(ContractClient api) {
        super(api);
    }

    /** A tag no other test uses, so that the listing shows only this test's post-mortems. */
    private static String uniqueTag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String create(ContractUsers user, String title, Consumer<ObjectNode> classification) {
        return createSpec(user, body -> {
            body.put("title", title);
            classification.accept(body);
        }).id();
    }

    private List<String> titles(ContractUsers user, String query) {
        Reply listed = api.as(user).get(BASE + "?limit=100&" + query);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        listed.json().get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    @Test
    void tagsAreNormalisedAndTheCategoryComesFromTheCatalog() {
        Reply created = createSpec(CAROL, body -> {
            body.putArray("tags").add(" Cache  Stampede").add("cache-stampede").add("DB");
            body.put("category", "capacity");
        });

        assertThat(created.json().get("tags").toString()).isEqualTo("[\"cache-stampede\",\"db\"]");
        assertThat(created.json().get("category").asText()).isEqualTo("capacity");
        String id = created.id();
        assertThat(refusedFields(api.as(CAROL).patch(path(id), "{\"category\":\"bad-luck\"}")))
                .containsExactly("category");
        assertThat(refusedFields(api.as(CAROL).patch(path(id), "{\"tags\":[\"ok\",\"-dash-first\",\"\"]}")))
                .containsExactly("tags[1]", "tags[2]");
        ObjectNode many = ContractClient.JSON.createObjectNode();
        for (int i = 0; i < 21; i++) {
            many.withArray("tags").add("tag" + i);
        }
        assertThat(refusedFields(api.as(CAROL).patch(path(id), many.toString()))).containsExactly("tags");
        JsonNode kept = api.as(CAROL).get(path(id)).json();
        assertThat(kept.get("category").asText()).isEqualTo("capacity");
        assertThat(kept.get("tags")).hasSize(2);

        JsonNode cleared = api.as(CAROL).patch(path(id), "{\"category\":null,\"tags\":null}").json();
        assertThat(cleared.get("category").isNull()).isTrue();
        assertThat(cleared.get("tags")).isEmpty();
    }

    @Test
    void theCatalogListsTheBuiltInCategories() {
        Reply categories = api.as(DAVE).get(BASE + "/categories");

        assertThat(categories.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        categories.json().get("items").forEach(category -> ids.add(category.get("id").asText()));
        assertThat(ids).containsExactly("deployment", "configuration", "capacity", "dependency", "code-defect",
                "infrastructure", "security", "process", "unknown");
    }

    @Test
    void theListingFiltersByTagCategoryServiceTemplateAndDay() {
        String tag = uniqueTag();
        create(CAROL, "Deploy in January", body -> {
            body.putArray("tags").add(tag).add("release");
            body.put("category", "deployment");
            body.putArray("servicesAffected").add("Checkout-API");
            body.put("incidentDate", "2025-01-15");
        });
        create(CAROL, "Capacity in March", body -> {
            body.putArray("tags").add(tag);
            body.put("category", "capacity");
            body.putArray("servicesAffected").add("search");
            body.put("incidentDate", "2025-03-02");
        });
        create(CAROL, "Untagged", body -> body.put("category", "deployment"));
        create(ALICE, "Alice's draft", body -> {
            body.putArray("tags").add(tag);
            body.put("category", "deployment");
        });

        assertThat(titles(CAROL, "tag=" + tag.toUpperCase())).containsExactlyInAnyOrder("Deploy in January",
                "Capacity in March");
        assertThat(titles(CAROL, "tag=" + tag + "&category=deployment")).containsExactly("Deploy in January");
        JsonNode row = api.as(CAROL).get(BASE + "?tag=" + tag + "&category=deployment").json().get("items").get(0);
        assertThat(row.get("tags").toString()).isEqualTo("[\"" + tag + "\",\"release\"]");
        assertThat(row.get("category").asText()).isEqualTo("deployment");
        assertThat(titles(CAROL, "tag=" + tag + "&service=checkout-api")).containsExactly("Deploy in January");
        assertThat(titles(CAROL, "tag=" + tag + "&from=2025-03-03")).isEmpty();
        assertThat(titles(CAROL, "tag=" + tag + "&from=2025-02-01&to=2025-03-31")).containsExactly("Capacity in March");
        assertThat(titles(CAROL, "tag=" + tag + "&to=2025-01-15")).containsExactly("Deploy in January");
        assertThat(titles(CAROL, "tag=" + tag + "&templateId=api-downtime")).isEmpty();
        assertThat(titles(DAVE, "tag=" + tag)).as("drafts of others stay hidden").isEmpty();
        assertThat(titles(ALICE, "tag=" + tag)).containsExactly("Alice's draft");
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        assertThat(refusedFields(api.as(CAROL).get(BASE + "?from=2025-13-01"))).containsExactly("from");
        assertThat(refusedFields(api.as(CAROL).get(BASE + "?from=2025-03-01&to=2025-02-01"))).containsExactly("to");
        assertThat(refusedFields(api.as(CAROL).get(BASE + "?tag=a&tag=b"))).containsExactly("tag");
        assertThat(refusedFields(api.as(CAROL).get(BASE + "?category=" + "c".repeat(101)))).containsExactly("category");
    }

    private static List<String> refusedFields(Reply reply) {
        assertProblem(reply, 400);
        return reply.errorFields();
    }
}
