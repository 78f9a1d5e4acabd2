package dev.postmortem.jdbc;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads rows back into the core's model. Private to this adapter: no other module sees rows. */
final class PostMortemRows {

    private PostMortemRows() {
    }

    /**
     * The document and its four kinds of child rows in one statement: one round trip, and one
     * statement reads one snapshot on both databases, so no transaction is needed for a
     * document that never mixes two versions. (Five queries in a REPEATABLE READ transaction
     * cost 2.3 times the time per GET, benchmarks/load.sh h2.) Every branch has the same
     * columns; {@code part} says which kind of row it is, {@code seq} its order. The outer
     * SELECT is there for H2, which keeps a parsed statement for reuse only when it is a
     * SELECT, never a bare UNION (a bare one spent a fifth of a GET's time re-parsing).
     */
    private static final String LOAD = """
            SELECT * FROM (
            SELECT 0 AS part, 0 AS seq, id, tenant_id AS t1, incident_id AS t2, title AS t3, summary AS t4,
                   impact AS t5, root_cause AS t6, status AS t7, template_id AS t8, created_by AS t9,
                   created_at AS ts1, updated_at AS ts2, published_at AS ts3, version AS num, CAST(NULL AS DATE) AS due
              FROM pm_post_mortem
             WHERE id = :id AND tenant_id = :tenantId
            UNION ALL
            SELECT 1, sort_order, id, event_time, description, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL
              FROM pm_timeline_event
             WHERE post_mortem_id = :id
            UNION ALL
            SELECT 2, sort_order, id, description, owner, status, priority, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, due_date
              FROM pm_action_item
             WHERE post_mortem_id = :id
            UNION ALL
            SELECT 3, sort_order, NULL, email, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL
              FROM pm_contributor
             WHERE post_mortem_id = :id
            UNION ALL
            SELECT 4, sort_order, NULL, from_status, to_status, changed_by, NULL, NULL, NULL, NULL, NULL, NULL,
                   changed_at, NULL, NULL, NULL, NULL
              FROM pm_status_change
             WHERE post_mortem_id = :id
            ) AS document_rows
            ORDER BY 1, 2""";

    // Column positions in LOAD (JDBC counts from 1).
    private static final int PART = 1;
    private static final int ID = 3;
    private static final int T1 = 4;
    private static final int TS1 = 13;
    private static final int NUM = 16;
    private static final int DAY = 17;

    /** The post-mortem with its children, or empty when it does not exist in this tenant. */
    static Optional<PostMortem> load(Handle handle, String tenantId, UUID id) {
        return handle.createQuery(LOAD)
                .bind("id", id).bind("tenantId", tenantId)
                .scanResultSet((results, ctx) -> assemble(results.get()));
    }

    private static Optional<PostMortem> assemble(ResultSet rs) throws SQLException {
        List<TimelineEvent> timeline = new ArrayList<>();
        List<ActionItem> items = new ArrayList<>();
        List<String> contributors = new ArrayList<>();
        List<StatusChange> history = new ArrayList<>();
        Header h = null;
        while (rs.next()) {
            switch (rs.getInt(PART)) {
                case 0 -> h = new Header(SqlValues.uuid(rs, ID), rs.getString(T1), rs.getString(T1 + 1),
                        rs.getString(T1 + 2), rs.getString(T1 + 3), rs.getString(T1 + 4), rs.getString(T1 + 5),
                        PostMortemStatus.valueOf(rs.getString(T1 + 6)), rs.getString(T1 + 7),
                        SqlValues.instant(rs, TS1), rs.getString(T1 + 8), SqlValues.instant(rs, TS1 + 1),
                        SqlValues.instant(rs, TS1 + 2), rs.getLong(NUM));
                case 1 -> timeline.add(new TimelineEvent(SqlValues.uuid(rs, ID), TimelineTime.parse(rs.getString(T1)),
                        rs.getString(T1 + 1)));
                case 2 -> items.add(new ActionItem(SqlValues.uuid(rs, ID), rs.getString(T1), rs.getString(T1 + 1),
                        ActionItemStatus.valueOf(rs.getString(T1 + 2)), Priority.valueOf(rs.getString(T1 + 3)),
                        rs.getObject(DAY, LocalDate.class)));
                case 3 -> contributors.add(rs.getString(T1));
                case 4 -> history.add(new StatusChange(status(rs.getString(T1)),
                        PostMortemStatus.valueOf(rs.getString(T1 + 1)), rs.getString(T1 + 2),
                        SqlValues.instant(rs, TS1)));
                default -> throw new IllegalStateException("unknown part " + rs.getInt(PART));
            }
        }
        if (h == null) {
            // Child rows without their post-mortem: another tenant's id; it does not exist here.
            return Optional.empty();
        }
        PostMortemContent content = new PostMortemContent(h.incidentId, h.title, h.summary, h.impact, h.rootCause,
                timeline, items, contributors);
        return Optional.of(new PostMortem(h.id, h.tenantId, h.templateId, h.status, content, h.createdAt,
                h.createdBy, h.updatedAt, h.publishedAt, h.version, history));
    }

    /** A row of {@link ListingStatement#sql()}, read by position (no lookup of column names per row). */
    static PostMortemSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PostMortemSummary(SqlValues.uuid(rs, 1), rs.getString(2), rs.getString(3),
                PostMortemStatus.valueOf(rs.getString(4)), rs.getString(5), SqlValues.instant(rs, 6),
                rs.getString(7), SqlValues.instant(rs, 8), SqlValues.instant(rs, 9), rs.getLong(10));
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
