package dev.postmortem.jdbc;

import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
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
     * The document is one row: its lists are the JSON of {@code content} ({@link ContentJson}),
     * its contributors an array. One statement reads one snapshot on both databases, so a
     * document never mixes two versions without a transaction around the read.
     */
    private static final String LOAD = """
            SELECT id, tenant_id, incident_id, title, summary, impact, root_cause, status, template_id, created_at,
                   created_by, updated_at, published_at, version, content, contributors, incident_date, time_zone,
                   tags, category
              FROM pm_post_mortem
             WHERE id = :id AND tenant_id = :tenantId""";

    /** The post-mortem, or empty when it does not exist in this tenant. */
    static Optional<PostMortem> load(Handle handle, String tenantId, UUID id) {
        return find(handle, LOAD, tenantId, id);
    }

    /**
     * The post-mortem, its row locked for the rest of the transaction: a writer on any node that
     * wants the same row waits here until this one commits, and then reads what it committed.
     */
    static Optional<PostMortem> lockAndLoad(Handle handle, String tenantId, UUID id) {
        return find(handle, LOAD + " FOR UPDATE", tenantId, id);
    }

    /** The post-mortems of this tenant among {@code ids}, in no particular order. */
    static List<PostMortem> loadAll(Handle handle, String tenantId, Collection<UUID> ids) {
        return handle.createQuery(LOAD.replace("id = :id", "id IN (<ids>)")).bindList("ids", List.copyOf(ids))
                .bind("tenantId", tenantId).map(PostMortemRows::postMortem).list();
    }

    private static Optional<PostMortem> find(Handle handle, String sql, String tenantId, UUID id) {
        return handle.createQuery(sql).bind("id", id).bind("tenantId", tenantId)
                .map(PostMortemRows::postMortem).findOne();
    }

    private static PostMortem postMortem(ResultSet rs, StatementContext ctx) throws SQLException {
        ContentJson lists = ContentJson.read(rs.getString(15));
        PostMortemContent content = new PostMortemContent(rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), lists.events(), lists.items(), texts(rs.getArray(16)),
                SqlValues.date(rs, 17), ZoneId.of(rs.getString(18)), lists.impactDetails(), lists.rootCauseDetails(),
                texts(rs.getArray(19)), rs.getString(20));
        return new PostMortem(SqlValues.uuid(rs, 1), rs.getString(2), rs.getString(9),
                PostMortemStatus.valueOf(rs.getString(8)), content, SqlValues.instant(rs, 10), rs.getString(11),
                SqlValues.instant(rs, 12), SqlValues.instant(rs, 13), rs.getLong(14), lists.history(), lists.approved(),
                lists.contentVersionOr(rs.getLong(14)));
    }

    /** A text array column's values (the contributors). */
    static List<String> texts(Array array) throws SQLException {
        List<String> emails = new ArrayList<>();
        for (Object email : (Object[]) array.getArray()) {
            emails.add((String) email);
        }
        array.free();
        return emails;
    }

    /** A row of {@link ListingStatement#sql()}, read by position (no lookup of column names per row). */
    static PostMortemSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PostMortemSummary(SqlValues.uuid(rs, 1), rs.getString(2), rs.getString(3),
                PostMortemStatus.valueOf(rs.getString(4)), rs.getString(5), SqlValues.instant(rs, 6),
                rs.getString(7), SqlValues.instant(rs, 8), SqlValues.instant(rs, 9), rs.getLong(10),
                new PostMortemSummary.ActionItemCounts(rs.getInt(11), rs.getInt(12), rs.getInt(13)),
                texts(rs.getArray(14)), rs.getString(15));
    }
}
