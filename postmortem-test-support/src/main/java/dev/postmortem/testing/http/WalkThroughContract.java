package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ADMIN;
import static dev.postmortem.testing.http.ContractUsers.ALICE;
import static dev.postmortem.testing.http.ContractUsers.BOB;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import org.junit.jupiter.api.Test;

/** The spec's walk-through: create with its exact body, review, publish, close the items, export, archive. */
abstract class WalkThroughContract extends ContractTopic {

    WalkThroughContract(ContractClient api) {
        super(api);
    }

    @Test
    void theSpecsWalkThrough() {
        Reply created = api.as(CAROL).post(BASE, specBody());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.id();
        assertThat(created.header("Location")).isEqualTo(BASE + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Content-Type")).startsWith("application/json");
        JsonNode doc = created.json();
        JsonNode spec = specJson();
        for (String field : new String[] {"incidentId", "title", "summary", "impact", "rootCause"}) {
            assertThat(doc.get(field)).as(field).isEqualTo(spec.get(field));
        }
        assertThat(doc.get("status").asText()).isEqualTo("DRAFT");
        assertThat(doc.get("createdBy").asText()).isEqualTo("carol@example.com");
        assertThat(doc.get("version").asLong()).isEqualTo(1);
        assertThat(doc.get("publishedAt").isNull()).isTrue();
        assertThat(doc.get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(doc.get("timeline")).hasSize(5);
        assertThat(doc.get("timeline").get(1).get("time").asText()).isEqualTo("14:35");
        assertThat(doc.get("timeline").get(1).get("id").asText()).hasSize(36);
        JsonNode item = doc.get("actionItems").get(0);
        assertThat(item.get("owner").asText()).isEqualTo("alice@example.com");
        assertThat(item.get("priority").asText()).isEqualTo("HIGH");
        assertThat(item.get("status").asText()).isEqualTo("TODO");
        assertThat(item.get("dueDate").asText()).isEqualTo("2024-02-01");

        Reply read = api.as(CAROL).get(BASE + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(doc);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");

        Reply inReview = api.as(CAROL).patch(BASE + "/" + id, "{\"status\":\"IN_REVIEW\"}", "If-Match", "\"1\"");
        assertThat(inReview.status()).as(inReview.toString()).isEqualTo(200);
        assertThat(inReview.header("ETag")).isEqualTo("\"2\"");
        Reply published = api.as(ADMIN).patch(BASE + "/" + id, "{\"status\":\"PUBLISHED\"}", "If-Match", "\"2\"");
        assertThat(published.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.json().get("publishedAt").isNull()).isFalse();

        for (JsonNode each : doc.get("actionItems")) {
            ContractUsers owner = each.get("owner").asText().startsWith("alice") ? ALICE : BOB;
            Reply done = api.as(owner).patch(BASE + "/" + id + "/action-items/" + each.get("id").asText(),
                    "{\"status\":\"DONE\"}");
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
        }
        Reply markdown = api.as(CAROL).get(BASE + "/" + id + "/export");
        assertThat(markdown.status()).isEqualTo(200);
        assertContentType(markdown, "text/markdown; charset=utf-8");
        assertThat(markdown.body()).startsWith("# Database Connection Pool Exhaustion\n")
                .contains("## Summary", "## Impact", "## Root Cause", "## Timeline", "## Action Items",
                        "- 14:35 - On-call engineer acknowledged the alert",
                        "- [x] Add connection pool usage monitoring and alerts (HIGH)");

        Reply archived = api.as(CAROL).patch(BASE + "/" + id, "{\"status\":\"ARCHIVED\"}", "If-Match", "\"5\"");
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.json().get("statusHistory")).hasSize(4);
    }
}
