package dev.postmortem.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.postmortem.core.port.IdGenerator;
import io.javalin.Javalin;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The load test's first baseline: the same four endpoints on the tables of schema V1 (release
 * 0.1's five: a document, its events, items, contributors and status history) with Javalin and
 * Jdbi and nothing else (no validation, identity, workflow, ETags or problem documents), the
 * plain way: one statement per row, no transaction for reads. It is what the project's storage
 * was before V2, written by hand; {@link SpecSchemaBaselineServer} is the second baseline.
 *
 * <p>Environment: {@code POSTMORTEM_PORT}, {@code POSTMORTEM_DATA_DIR} or {@code POSTMORTEM_JDBC_URL}.
 */
public final class RawBaselineServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    // The project's ids (UUID version 7), so that both write the same keys in the same order. With
    // UUID.randomUUID() every insert lands on a random page of each primary-key index, and on H2 a
    // create cost the baseline 3.2 times the CPU (0.85-0.94 ms against 0.31 ms, benchmarks/load.sh h2):
    // the ratio measured the id scheme, not the project's work on top of the storage.
    private static final IdGenerator IDS = IdGenerator.timeOrdered();
    // ORDER BY starts with tenant_id, as the project's ListingStatement does, so that H2 reads the
    // page from the (tenant_id, created_at, id) index. Without it H2 sorted the whole table for
    // every page: the baseline's list slowed as the run's creates grew the table, until in a
    // three-round run of benchmarks/load.sh h2 wrk got no answer within its 2 s timeout.
    private static final String FIRST_PAGE = """
            SELECT id, incident_id, title, status, template_id, created_at, created_by, updated_at,
                   published_at, version
              FROM pm_post_mortem
             WHERE tenant_id = 'default'
             ORDER BY tenant_id, created_at DESC, id DESC
             LIMIT 21""";

    private RawBaselineServer() {
    }

    public static void main(String[] args) {
        HikariDataSource dataSource = BaselineStorage.dataSource();
        BaselineStorage.migrateToV1(dataSource);
        Jdbi jdbi = Jdbi.create(dataSource);
        int port = Integer.parseInt(System.getenv().getOrDefault("POSTMORTEM_PORT", "7080"));
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/api/postmortems", ctx -> {
                JsonNode body = JSON.readTree(ctx.bodyAsBytes());
                UUID id = IDS.newId();
                Timestamp now = Timestamp.from(Instant.now());
                jdbi.useTransaction(h -> {
                    h.createUpdate("INSERT INTO pm_post_mortem (id, tenant_id, incident_id, title, summary, impact,"
                            + " root_cause, status, created_at, created_by, updated_at, version) VALUES (:id, 'default',"
                            + " :incident, :title, :summary, :impact, :root, 'DRAFT', :now, 'raw', :now, 1)")
                            .bind("id", id).bind("incident", body.path("incidentId").asText())
                            .bind("title", body.path("title").asText()).bind("summary", body.path("summary").asText())
                            .bind("impact", body.path("impact").asText()).bind("root", body.path("rootCause").asText())
                            .bind("now", now).execute();
                    int i = 0;
                    for (JsonNode event : body.path("timeline")) {
                        h.createUpdate("INSERT INTO pm_timeline_event (id, post_mortem_id, sort_order, event_time,"
                                + " description) VALUES (:id, :pm, :i, :t, :d)").bind("id", IDS.newId())
                                .bind("pm", id).bind("i", i++).bind("t", event.path("time").asText())
                                .bind("d", event.path("description").asText()).execute();
                    }
                    i = 0;
                    for (JsonNode item : body.path("actionItems")) {
                        // The due date too: it is in two of the table's indexes, and without it the
                        // baseline would store less than the project.
                        JsonNode due = item.path("dueDate");
                        h.createUpdate("INSERT INTO pm_action_item (id, post_mortem_id, tenant_id, sort_order,"
                                + " description, owner, status, priority, due_date) VALUES (:id, :pm, 'default', :i,"
                                + " :d, :o, 'TODO', :p, :due)").bind("id", IDS.newId()).bind("pm", id).bind("i", i++)
                                .bind("d", item.path("description").asText()).bind("o", item.path("owner").asText())
                                .bind("p", item.path("priority").asText("MEDIUM"))
                                .bindByType("due", due.isTextual() ? LocalDate.parse(due.asText()) : null,
                                        LocalDate.class)
                                .execute();
                    }
                    h.createUpdate("INSERT INTO pm_status_change (post_mortem_id, sort_order, to_status, changed_by,"
                            + " changed_at) VALUES (:pm, 0, 'DRAFT', 'raw', :now)").bind("pm", id).bind("now", now)
                            .execute();
                });
                ctx.status(201).contentType("application/json").result(JSON.writeValueAsBytes(Map.of("id", id)));
            });
            cfg.routes.get("/api/postmortems", ctx -> ctx.contentType("application/json").result(JSON.writeValueAsBytes(
                    Map.of("items", jdbi.withHandle(h -> h.createQuery(FIRST_PAGE).mapToMap().list().stream().map(BaselineStorage::plain).toList())))));
            cfg.routes.get("/api/postmortems/{id}", ctx -> ctx.contentType("application/json")
                    .result(JSON.writeValueAsBytes(load(jdbi, UUID.fromString(ctx.pathParam("id"))))));
            cfg.routes.get("/api/postmortems/{id}/export", ctx -> {
                Map<String, Object> doc = load(jdbi, UUID.fromString(ctx.pathParam("id")));
                List<HandWrittenMarkdown.Event> timeline = new ArrayList<>();
                for (Object event : (List<?>) doc.get("timeline")) {
                    Map<?, ?> e = (Map<?, ?>) event;
                    timeline.add(new HandWrittenMarkdown.Event((String) e.get("event_time"),
                            (String) e.get("description")));
                }
                List<HandWrittenMarkdown.Item> items = new ArrayList<>();
                for (Object item : (List<?>) doc.get("actionItems")) {
                    Map<?, ?> i = (Map<?, ?>) item;
                    items.add(new HandWrittenMarkdown.Item((String) i.get("description"), (String) i.get("priority"),
                            (String) i.get("status"), (String) i.get("owner"),
                            i.get("due_date") == null ? null : String.valueOf(i.get("due_date"))));
                }
                String md = HandWrittenMarkdown.export((String) doc.get("title"), (String) doc.get("incident_id"),
                        (String) doc.get("status"), (String) doc.get("summary"), (String) doc.get("impact"),
                        (String) doc.get("root_cause"), timeline, items);
                ctx.contentType("text/markdown; charset=utf-8").result(md);
            });
        }).start("127.0.0.1", port);
    }

    private static Map<String, Object> load(Jdbi jdbi, UUID id) {
        return jdbi.withHandle(h -> {
            Map<String, Object> doc = BaselineStorage.plain(h.createQuery("SELECT * FROM pm_post_mortem WHERE id = :id")
                    .bind("id", id).mapToMap().one());
            doc.put("timeline", h.createQuery("SELECT id, event_time, description FROM pm_timeline_event"
                    + " WHERE post_mortem_id = :id ORDER BY sort_order").bind("id", id).mapToMap().list());
            doc.put("actionItems", h.createQuery("SELECT id, description, owner, status, priority, due_date"
                    + " FROM pm_action_item WHERE post_mortem_id = :id ORDER BY sort_order").bind("id", id)
                    .mapToMap().list().stream().map(BaselineStorage::plain).toList());
            doc.put("contributors", h.createQuery("SELECT email FROM pm_contributor WHERE post_mortem_id = :id"
                    + " ORDER BY sort_order").bind("id", id).mapTo(String.class).list());
            doc.put("statusHistory", h.createQuery("SELECT from_status, to_status, changed_by, changed_at"
                    + " FROM pm_status_change WHERE post_mortem_id = :id ORDER BY sort_order").bind("id", id)
                    .mapToMap().list().stream().map(BaselineStorage::plain).toList());
            return doc;
        });
    }
}
