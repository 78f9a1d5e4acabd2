package dev.postmortem.jdbc;

import dev.postmortem.core.followup.ActionItemQuery;
import dev.postmortem.core.followup.FollowUpItem;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The SQL of one page of action items across post-mortems: {@code pm_action_item} joined to its
 * post-mortem for what a viewer may see (a draft's items only for its creator, contributors and
 * admins) and for its title, status and incident; ordered by due date (none last), priority rank
 * and id, keyset-paged on the same; the index {@code (tenant_id, due_key, priority_rank, id)}, or
 * with an owner {@code (tenant_id, owner_key, due_key, priority_rank, id)}, bounds the tenant, the
 * cursor and "overdue" ({@code due_key} is the due date, or 9999-12-31 for none).
 */
final class ActionItemStatement {

    /** Every column {@link #item} reads, by position. */
    static final String SELECT = """
            SELECT a.id, a.description, a.owner, a.status, a.priority, a.due_date, a.tracker_key, a.tracker_url,
                   p.id, p.title, p.status, p.incident_id, a.tenant_id
              FROM pm_action_item a
              JOIN pm_post_mortem p ON p.id = a.post_mortem_id""";

    /** What {@code due_key} holds for an item without a due date: they come last. */
    static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    // the indexes' order, so that a page is read in index order without a sort
    private static final String ORDER = " ORDER BY a.tenant_id, a.due_key, a.priority_rank, a.id";

    private final ActionItemQuery query;
    private final SqlDialect dialect;
    private final List<String> words = new ArrayList<>();

    ActionItemStatement(ActionItemQuery query, SqlDialect dialect) {
        this.query = query;
        this.dialect = dialect;
        if (query.text() != null) {
            for (String word : query.text().strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
    }

    String sql() {
        StringBuilder sql = new StringBuilder(SELECT).append("\n WHERE a.tenant_id = :tenantId");
        if (!query.viewer().admin()) {
            sql.append("\n   AND ").append(dialect.visibleTo("viewer"));
        }
        if (query.owner() != null) {
            sql.append("\n   AND a.owner_key = :owner");
        }
        if (!query.statuses().isEmpty()) {
            sql.append("\n   AND a.status IN (<statuses>)");
        }
        if (query.priority() != null) {
            sql.append("\n   AND a.priority = :priority");
        }
        if (Boolean.TRUE.equals(query.overdue())) {
            sql.append("\n   AND a.status <> 'DONE' AND a.due_key < :today");
        } else if (Boolean.FALSE.equals(query.overdue())) {
            sql.append("\n   AND (a.status = 'DONE' OR a.due_key >= :today)");
        }
        if (query.dueBefore() != null) {
            sql.append("\n   AND a.due_key < :dueBefore AND a.due_date IS NOT NULL");
        }
        if (query.dueAfter() != null) {
            sql.append("\n   AND a.due_key > :dueAfter AND a.due_date IS NOT NULL");
        }
        if (!query.postMortemStatuses().isEmpty()) {
            sql.append("\n   AND p.status IN (<postMortemStatuses>)");
        }
        if (query.incidentId() != null) {
            sql.append("\n   AND p.incident_id = :incidentId");
        }
        for (int i = 0; i < words.size(); i++) {
            sql.append("\n   AND LOWER(a.description) LIKE :word").append(i).append(" ESCAPE '!'");
        }
        if (query.after() != null) {
            sql.append("\n   AND ").append(dialect.itemsAfter());
        }
        // the page size is written into the SQL for the reason ListingStatement gives
        return sql.append(ORDER).append("\n LIMIT ").append(query.limit() + 1).toString();
    }

    Query bind(Handle handle) {
        Query statement = handle.createQuery(sql());
        bindTo(statement);
        return statement;
    }

    /** Binds this page's values to {@code statement}, which runs {@link #sql()} (or explains it). */
    void bindTo(Query statement) {
        statement.bind("tenantId", query.viewer().tenantId());
        if (!query.viewer().admin()) {
            statement.bind("viewer", query.viewer().id().toLowerCase(Locale.ROOT));
        }
        if (query.owner() != null) {
            statement.bind("owner", query.owner().toLowerCase(Locale.ROOT));
        }
        if (!query.statuses().isEmpty()) {
            statement.bindList("statuses", query.statuses().stream().map(ActionItemStatus::name).sorted().toList());
        }
        if (query.priority() != null) {
            statement.bind("priority", query.priority().name());
        }
        if (query.overdue() != null) {
            statement.bind("today", query.today());
        }
        if (query.dueBefore() != null) {
            statement.bind("dueBefore", query.dueBefore());
        }
        if (query.dueAfter() != null) {
            statement.bind("dueAfter", query.dueAfter());
        }
        if (!query.postMortemStatuses().isEmpty()) {
            statement.bindList("postMortemStatuses",
                    query.postMortemStatuses().stream().map(PostMortemStatus::name).sorted().toList());
        }
        if (query.incidentId() != null) {
            statement.bind("incidentId", query.incidentId());
        }
        for (int i = 0; i < words.size(); i++) {
            statement.bind("word" + i, SqlDialect.likePattern(words.get(i)));
        }
        if (query.after() != null) {
            LocalDate due = query.after().dueDate();
            statement.bind("afterRank", query.after().priority().ordinal()).bind("afterId", query.after().id())
                    .bind("afterDue", due == null ? NO_DUE_DATE : due);
        }
    }

    /** A row of {@link #SELECT}. */
    static FollowUpItem item(ResultSet rs, StatementContext ctx) throws SQLException {
        ActionItem item = new ActionItem(SqlValues.uuid(rs, 1), rs.getString(2), rs.getString(3),
                ActionItemStatus.valueOf(rs.getString(4)), Priority.valueOf(rs.getString(5)), SqlValues.date(rs, 6),
                rs.getString(7), rs.getString(8));
        return new FollowUpItem(item, new FollowUpItem.PostMortemRef(SqlValues.uuid(rs, 9), rs.getString(10),
                PostMortemStatus.valueOf(rs.getString(11)), rs.getString(12)), rs.getString(13));
    }
}
