package dev.postmortem.jdbc;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.core.port.PostMortemSummary;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads rows back into the core's model. Private to this adapter: no other module sees rows. */
final class PostMortemRows {

    private PostMortemRows() {
    }

    /** The post-mortem with its children, or empty; the caller provides the transaction. */
    static Optional<PostMortem> load(Handle handle, String tenantId, UUID id) {
        Optional<Header> header = handle.createQuery("""
                SELECT id, tenant_id, incident_id, title, summary, impact, root_cause, status, template_id,
                       created_at, created_by, updated_at, published_at, version
                  FROM pm_post_mortem
                 WHERE id = :id AND tenant_id = :tenantId""")
                .bind("id", id).bind("tenantId", tenantId)
                .map(PostMortemRows::header).findOne();
        return header.map(h -> assemble(handle, h));
    }

    private static PostMortem assemble(Handle handle, Header h) {
        List<TimelineEvent> timeline = handle.createQuery("""
                SELECT id, event_time, description FROM pm_timeline_event
                 WHERE post_mortem_id = :id ORDER BY sort_order""")
                .bind("id", h.id)
                .map((rs, ctx) -> new TimelineEvent(SqlValues.uuid(rs, "id"),
                        TimelineTime.parse(rs.getString("event_time")), rs.getString("description")))
                .list();
        List<ActionItem> items = handle.createQuery("""
                SELECT id, description, owner, status, priority, due_date FROM pm_action_item
                 WHERE post_mortem_id = :id ORDER BY sort_order""")
                .bind("id", h.id)
                .map((rs, ctx) -> new ActionItem(SqlValues.uuid(rs, "id"), rs.getString("description"),
                        rs.getString("owner"), ActionItemStatus.valueOf(rs.getString("status")),
                        Priority.valueOf(rs.getString("priority")), rs.getObject("due_date", LocalDate.class)))
                .list();
        List<String> contributors = handle.createQuery("""
                SELECT email FROM pm_contributor WHERE post_mortem_id = :id ORDER BY sort_order""")
                .bind("id", h.id).mapTo(String.class).list();
        List<StatusChange> history = handle.createQuery("""
                SELECT from_status, to_status, changed_by, changed_at FROM pm_status_change
                 WHERE post_mortem_id = :id ORDER BY sort_order""")
                .bind("id", h.id)
                .map((rs, ctx) -> new StatusChange(status(rs.getString("from_status")),
                        PostMortemStatus.valueOf(rs.getString("to_status")), rs.getString("changed_by"),
                        SqlValues.instant(rs, "changed_at")))
                .list();
        PostMortemContent content = new PostMortemContent(h.incidentId, h.title, h.summary, h.impact, h.rootCause,
                timeline, items, contributors);
        return new PostMortem(h.id, h.tenantId, h.templateId, h.status, content, h.createdAt, h.createdBy,
                h.updatedAt, h.publishedAt, h.version, history);
    }

    static PostMortemSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PostMortemSummary(SqlValues.uuid(rs, "id"), rs.getString("incident_id"), rs.getString("title"),
                PostMortemStatus.valueOf(rs.getString("status")), rs.getString("template_id"),
                SqlValues.instant(rs, "created_at"), rs.getString("created_by"), SqlValues.instant(rs, "updated_at"),
                SqlValues.instant(rs, "published_at"), rs.getLong("version"));
    }

    private static Header header(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Header(SqlValues.uuid(rs, "id"), rs.getString("tenant_id"), rs.getString("incident_id"),
                rs.getString("title"), rs.getString("summary"), rs.getString("impact"), rs.getString("root_cause"),
                PostMortemStatus.valueOf(rs.getString("status")), rs.getString("template_id"),
                SqlValues.instant(rs, "created_at"), rs.getString("created_by"), SqlValues.instant(rs, "updated_at"),
                SqlValues.instant(rs, "published_at"), rs.getLong("version"));
    }

    private static PostMortemStatus status(String name) {
        return name == null ? null : PostMortemStatus.valueOf(name);
    }

    private record Header(UUID id, String tenantId, String incidentId, String title, String summary, String impact,
                          String rootCause, PostMortemStatus status, String templateId, Instant createdAt,
                          String createdBy, Instant updatedAt, Instant publishedAt,
                          long version) {
    }
}
