package dev.postmortem.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.postmortem.core.port.IdGenerator;
import io.javalin.Javalin;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The second baseline: what a team would write by hand on the product spec's own schema, a
 * post-mortem as one row with its content as JSON (JSONB on PostgreSQL), and the action items
 * also as rows so that it can answer what the project answers across documents. Javalin, Jdbi
 * and HikariCP, the same time-ordered ids, the same durability (H2 with {@code WRITE_DELAY=0},
 * PostgreSQL's default commit), no validation, identity, workflow, ETags or problem documents.
 * It keeps its own tables ({@code spec_}), so it is seeded through its own POST.
 *
 * <p>Environment: {@code POSTMORTEM_PORT}, {@code POSTMORTEM_DATA_DIR} or {@code POSTMORTEM_JDBC_URL}.
 */
public final class SpecSchemaBaselineServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IdGenerator IDS = IdGenerator.timeOrdered();
    private static final String FIRST_PAGE = """
            SELECT id, incident_id, title, status, template_id, created_at, created_by, updated_at,
                   published_at, version
              FROM spec_post_mortem
             WHERE tenant_id = 'default'
             ORDER BY tenant_id, created_at DESC, id DESC
             LIMIT 21""";

    private SpecSchemaBaselineServer() {
    }

    public static void main(String[] args) {
        HikariDataSource dataSource = BaselineStorage.dataSource();
        boolean postgres = BaselineStorage.isPostgres(dataSource);
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(h -> createTables(h, postgres));
        // H2 takes JSON text as JSON only when told so; PostgreSQL casts text to jsonb.
        String contentParameter = postgres ? "CAST(:content AS JSONB)" : ":content FORMAT JSON";
        int port = Integer.parseInt(System.getenv().getOrDefault("POSTMORTEM_PORT", "7080"));
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/api/postmortems", ctx -> {
                ObjectNode content = (ObjectNode) JSON.readTree(ctx.bodyAsBytes());
                UUID id = IDS.newId();
                Timestamp now = Timestamp.from(Instant.now());
                for (JsonNode event : content.withArray("timeline")) {
                    ((ObjectNode) event).put("id", IDS.newId().toString());
                }
                ArrayNode items = content.withArray("actionItems");
                for (JsonNode item : items) {
                    ObjectNode it = (ObjectNode) item;
                    it.put("id", IDS.newId().toString());
                    it.put("status", it.path("status").asText("TODO"));
                    it.put("priority", it.path("priority").asText("MEDIUM"));
                }
                jdbi.useTransaction(h -> {
                    h.createUpdate("INSERT INTO spec_post_mortem (id, tenant_id, incident_id, title, status,"
                            + " created_at, created_by, updated_at, version, content) VALUES (:id, 'default',"
                            + " :incident, :title, 'DRAFT', :now, 'raw', :now, 1, " + contentParameter + ")")
                            .bind("id", id).bind("incident", content.path("incidentId").asText())
                            .bind("title", content.path("title").asText()).bind("now", now)
                            .bind("content", JSON.writeValueAsString(content)).execute();
                    int i = 0;
                    for (JsonNode item : items) {
                        JsonNode due = item.path("dueDate");
                        h.createUpdate("INSERT INTO spec_action_item (id, post_mortem_id, tenant_id, sort_order,"
                                + " description, owner, status, priority, due_date) VALUES (:id, :pm, 'default', :i,"
                                + " :d, :o, :s, :p, :due)").bind("id", UUID.fromString(item.path("id").asText()))
                                .bind("pm", id).bind("i", i++).bind("d", item.path("description").asText())
                                .bind("o", item.path("owner").asText(null)).bind("s", item.path("status").asText())
                                .bind("p", item.path("priority").asText())
                                .bindByType("due", due.isTextual() ? LocalDate.parse(due.asText()) : null,
                                        LocalDate.class)
                                .execute();
                    }
                });
                content.put("id", id.toString()).put("status", "DRAFT").put("version", 1);
                ctx.status(201).contentType("application/json").result(JSON.writeValueAsBytes(content));
            });
            cfg.routes.get("/api/postmortems", ctx -> ctx.contentType("application/json").result(JSON.writeValueAsBytes(
                    Map.of("items", jdbi.withHandle(h -> h.createQuery(FIRST_PAGE).mapToMap().list().stream()
                            .map(BaselineStorage::plain).toList())))));
            cfg.routes.get("/api/postmortems/{id}", ctx -> {
                Optional<ObjectNode> doc = load(jdbi, UUID.fromString(ctx.pathParam("id")));
                if (doc.isEmpty()) {
                    ctx.status(404);
                } else {
                    ctx.contentType("application/json").result(JSON.writeValueAsBytes(doc.get()));
                }
            });
            cfg.routes.get("/api/postmortems/{id}/export", ctx -> {
                Optional<ObjectNode> found = load(jdbi, UUID.fromString(ctx.pathParam("id")));
                if (found.isEmpty()) {
                    ctx.status(404);
                    return;
                }
                ObjectNode doc = found.get();
                List<HandWrittenMarkdown.Event> timeline = new ArrayList<>();
                for (JsonNode e : doc.path("timeline")) {
                    timeline.add(new HandWrittenMarkdown.Event(e.path("time").asText(), e.path("description").asText()));
                }
                List<HandWrittenMarkdown.Item> items = new ArrayList<>();
                for (JsonNode i : doc.path("actionItems")) {
                    items.add(new HandWrittenMarkdown.Item(i.path("description").asText(), i.path("priority").asText(),
                            i.path("status").asText(), i.path("owner").asText(null), i.path("dueDate").asText(null)));
                }
                String md = HandWrittenMarkdown.export(doc.path("title").asText(), doc.path("incidentId").asText(),
                        doc.path("status").asText(), doc.path("summary").asText(), doc.path("impact").asText(),
                        doc.path("rootCause").asText(), timeline, items);
                ctx.contentType("text/markdown; charset=utf-8").result(md);
            });
        }).start("127.0.0.1", port);
    }

    private static void createTables(Handle h, boolean postgres) {
        h.execute("CREATE TABLE IF NOT EXISTS spec_post_mortem (id UUID PRIMARY KEY, tenant_id VARCHAR(200) NOT NULL,"
                + " incident_id VARCHAR(100) NOT NULL, title VARCHAR(200) NOT NULL, status VARCHAR(20) NOT NULL,"
                + " template_id VARCHAR(100), created_at TIMESTAMP NOT NULL, created_by VARCHAR(320) NOT NULL,"
                + " updated_at TIMESTAMP NOT NULL, published_at TIMESTAMP, version BIGINT NOT NULL,"
                + " content " + (postgres ? "JSONB" : "JSON") + " NOT NULL)");
        h.execute("CREATE INDEX IF NOT EXISTS spec_post_mortem_listing"
                + " ON spec_post_mortem (tenant_id, created_at DESC, id DESC)");
        h.execute("CREATE TABLE IF NOT EXISTS spec_action_item (id UUID PRIMARY KEY,"
                + " post_mortem_id UUID NOT NULL REFERENCES spec_post_mortem (id) ON DELETE CASCADE,"
                + " tenant_id VARCHAR(200) NOT NULL, sort_order INT NOT NULL, description VARCHAR(1000) NOT NULL,"
                + " owner VARCHAR(200), status VARCHAR(20) NOT NULL, priority VARCHAR(10) NOT NULL, due_date DATE)");
        h.execute("CREATE INDEX IF NOT EXISTS spec_action_item_owner ON spec_action_item (tenant_id, owner, status)");
        h.execute("CREATE INDEX IF NOT EXISTS spec_action_item_post_mortem ON spec_action_item (post_mortem_id)");
    }

    /** The row's columns and its content, as one document. */
    private static Optional<ObjectNode> load(Jdbi jdbi, UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, status, template_id, created_at, created_by, updated_at,"
                        + " published_at, version, content FROM spec_post_mortem WHERE id = :id AND tenant_id = 'default'")
                .bind("id", id)
                .map((rs, ctx) -> {
                    ObjectNode doc = JSON.createObjectNode();
                    doc.put("id", rs.getString("id"));
                    try {
                        doc.setAll((ObjectNode) JSON.readTree(rs.getString("content")));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("stored content is not JSON", e);
                    }
                    doc.put("status", rs.getString("status")).put("templateId", rs.getString("template_id"))
                            .put("createdAt", String.valueOf(rs.getTimestamp("created_at").toInstant()))
                            .put("createdBy", rs.getString("created_by"))
                            .put("updatedAt", String.valueOf(rs.getTimestamp("updated_at").toInstant()))
                            .put("publishedAt", rs.getTimestamp("published_at") == null ? null
                                    : rs.getTimestamp("published_at").toInstant().toString())
                            .put("version", rs.getLong("version"));
                    return doc;
                })
                .findOne());
    }
}
