package dev.postmortem.jdbc;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * How release 0.1 (schema V1) stored a post-mortem: its row and four kinds of child rows. Kept
 * to write databases the V2 migration must carry over unchanged.
 */
final class V1Storage {

    private final Jdbi jdbi;

    private V1Storage(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The database migrated to V1 only, as release 0.1 left it. */
    static V1Storage migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(SqlDialect.of(dataSource).migrationLocation())
                .table(PostMortemSchema.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0").target("1")
                .load().migrate();
        return new V1Storage(Jdbi.create(dataSource));
    }

    void insert(PostMortem postMortem) {
        jdbi.useTransaction(handle -> {
            PostMortemContent content = postMortem.content();
            handle.createUpdate("""
                    INSERT INTO pm_post_mortem (id, tenant_id, incident_id, title, summary, impact, root_cause,
                        status, template_id, created_at, created_by, updated_at, published_at, version)
                    VALUES (:id, :tenantId, :incidentId, :title, :summary, :impact, :rootCause,
                        :status, :templateId, :createdAt, :createdBy, :updatedAt, :publishedAt, :version)""")
                    .bind("id", postMortem.id()).bind("tenantId", postMortem.tenantId())
                    .bind("incidentId", content.incidentId()).bind("title", content.title())
                    .bind("summary", content.summary()).bind("impact", content.impact())
                    .bind("rootCause", content.rootCause()).bind("status", postMortem.status().name())
                    .bind("templateId", postMortem.templateId())
                    .bind("createdAt", SqlValues.instant(postMortem.createdAt()))
                    .bind("createdBy", postMortem.createdBy())
                    .bind("updatedAt", SqlValues.instant(postMortem.updatedAt()))
                    .bind("publishedAt", SqlValues.instant(postMortem.publishedAt()))
                    .bind("version", postMortem.version())
                    .execute();
            insertChildren(handle, postMortem);
        });
    }

    private static void insertChildren(Handle handle, PostMortem postMortem) {
        PostMortemContent content = postMortem.content();
        for (int i = 0; i < content.timeline().size(); i++) {
            TimelineEvent event = content.timeline().get(i);
            handle.createUpdate("""
                    INSERT INTO pm_timeline_event (id, post_mortem_id, sort_order, event_time, description)
                    VALUES (:id, :postMortemId, :sortOrder, :time, :description)""")
                    .bind("id", event.id()).bind("postMortemId", postMortem.id()).bind("sortOrder", i)
                    .bind("time", event.time().text()).bind("description", event.description()).execute();
        }
        for (int i = 0; i < content.actionItems().size(); i++) {
            ActionItem item = content.actionItems().get(i);
            handle.createUpdate("""
                    INSERT INTO pm_action_item (id, post_mortem_id, tenant_id, sort_order, description, owner,
                        status, priority, due_date)
                    VALUES (:id, :postMortemId, :tenantId, :sortOrder, :description, :owner,
                        :status, :priority, :dueDate)""")
                    .bind("id", item.id()).bind("postMortemId", postMortem.id())
                    .bind("tenantId", postMortem.tenantId()).bind("sortOrder", i)
                    .bind("description", item.description()).bind("owner", item.owner())
                    .bind("status", item.status().name()).bind("priority", item.priority().name())
                    .bindByType("dueDate", item.dueDate(), LocalDate.class).execute();
        }
        for (int i = 0; i < content.contributors().size(); i++) {
            handle.createUpdate("""
                    INSERT INTO pm_contributor (post_mortem_id, sort_order, email)
                    VALUES (:postMortemId, :sortOrder, :email)""")
                    .bind("postMortemId", postMortem.id()).bind("sortOrder", i)
                    .bind("email", content.contributors().get(i)).execute();
        }
        for (int i = 0; i < postMortem.statusHistory().size(); i++) {
            StatusChange change = postMortem.statusHistory().get(i);
            handle.createUpdate("""
                    INSERT INTO pm_status_change (post_mortem_id, sort_order, from_status, to_status, changed_by,
                        changed_at)
                    VALUES (:postMortemId, :sortOrder, :fromStatus, :toStatus, :changedBy, :changedAt)""")
                    .bind("postMortemId", postMortem.id()).bind("sortOrder", i)
                    .bind("fromStatus", change.from() == null ? null : change.from().name())
                    .bind("toStatus", change.to().name()).bind("changedBy", change.changedBy())
                    .bind("changedAt", SqlValues.instant(change.changedAt())).execute();
        }
    }
}
