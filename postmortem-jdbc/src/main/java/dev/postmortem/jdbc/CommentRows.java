package dev.postmortem.jdbc;

import dev.postmortem.core.model.Comment;
import dev.postmortem.core.review.CommentPosition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The rows of {@code pm_comment}: one per review comment, deleted with its post-mortem. */
final class CommentRows {

    private static final String COLUMNS = "id, tenant_id, post_mortem_id, anchor, in_reply_to, author, body,"
            + " created_at, updated_at, resolved, resolved_by, resolved_at";
    private static final String WHERE_ONE = " WHERE id = :id AND post_mortem_id = :postMortemId AND tenant_id = :tenantId";

    private CommentRows() {
    }

    static void insert(Handle handle, Comment comment) {
        handle.createUpdate("INSERT INTO pm_comment (" + COLUMNS + ") VALUES (:id, :tenantId, :postMortemId, :anchor,"
                        + " :inReplyTo, :author, :body, :createdAt, :updatedAt, :resolved, :resolvedBy, :resolvedAt)")
                .bind("id", comment.id()).bind("tenantId", comment.tenantId())
                .bind("postMortemId", comment.postMortemId()).bind("anchor", comment.anchor())
                .bind("inReplyTo", SqlValues.uuid(comment.inReplyTo())).bind("author", comment.author())
                .bind("body", comment.body()).bind("createdAt", SqlValues.instant(comment.createdAt()))
                .bind("updatedAt", SqlValues.instant(comment.updatedAt())).bind("resolved", comment.resolved())
                .bind("resolvedBy", comment.resolvedBy()).bind("resolvedAt", SqlValues.instant(comment.resolvedAt()))
                .execute();
    }

    static Optional<Comment> find(Handle handle, String tenantId, UUID postMortemId, UUID id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM pm_comment" + WHERE_ONE)
                .bind("id", id).bind("postMortemId", postMortemId).bind("tenantId", tenantId)
                .map(CommentRows::comment).findOne();
    }

    static boolean update(Handle handle, Comment comment) {
        return handle.createUpdate("UPDATE pm_comment SET body = :body, updated_at = :updatedAt, resolved = :resolved,"
                        + " resolved_by = :resolvedBy, resolved_at = :resolvedAt" + WHERE_ONE)
                .bind("body", comment.body()).bind("updatedAt", SqlValues.instant(comment.updatedAt()))
                .bind("resolved", comment.resolved()).bind("resolvedBy", comment.resolvedBy())
                .bind("resolvedAt", SqlValues.instant(comment.resolvedAt()))
                .bind("id", comment.id()).bind("postMortemId", comment.postMortemId())
                .bind("tenantId", comment.tenantId())
                .execute() == 1;
    }

    static boolean delete(Handle handle, String tenantId, UUID postMortemId, UUID id) {
        return handle.createUpdate("DELETE FROM pm_comment" + WHERE_ONE)
                .bind("id", id).bind("postMortemId", postMortemId).bind("tenantId", tenantId).execute() == 1;
    }

    static boolean hasReplies(Handle handle, String tenantId, UUID postMortemId, UUID id) {
        return handle.createQuery("SELECT COUNT(*) FROM pm_comment WHERE in_reply_to = :id"
                        + " AND post_mortem_id = :postMortemId AND tenant_id = :tenantId")
                .bind("id", id).bind("postMortemId", postMortemId).bind("tenantId", tenantId)
                .mapTo(Long.class).one() > 0;
    }

    static long unresolvedThreads(Handle handle, String tenantId, UUID postMortemId) {
        return handle.createQuery("SELECT COUNT(*) FROM pm_comment WHERE post_mortem_id = :postMortemId"
                        + " AND tenant_id = :tenantId AND in_reply_to IS NULL AND NOT resolved")
                .bind("postMortemId", postMortemId).bind("tenantId", tenantId).mapTo(Long.class).one();
    }

    static List<Comment> page(Handle handle, String tenantId, UUID postMortemId, CommentPosition after, int limit) {
        String cursor = after == null ? ""
                : " AND created_at >= :afterAt AND (created_at > :afterAt OR id > :afterId)";
        var query = handle.createQuery("SELECT " + COLUMNS + " FROM pm_comment"
                        + " WHERE post_mortem_id = :postMortemId AND tenant_id = :tenantId" + cursor
                        + " ORDER BY post_mortem_id, created_at, id LIMIT " + limit)
                .bind("postMortemId", postMortemId).bind("tenantId", tenantId);
        if (after != null) {
            query.bind("afterAt", SqlValues.instant(after.createdAt())).bind("afterId", after.id());
        }
        return query.map(CommentRows::comment).list();
    }

    /** The comments of these post-mortems, each one's oldest first: the texts a search's highlight may come from. */
    static List<Comment> ofPostMortems(Handle handle, String tenantId, Collection<UUID> postMortemIds) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM pm_comment WHERE post_mortem_id IN (<ids>)"
                        + " AND tenant_id = :tenantId ORDER BY post_mortem_id, created_at, id")
                .bindList("ids", List.copyOf(postMortemIds)).bind("tenantId", tenantId)
                .map(CommentRows::comment).list();
    }

    private static Comment comment(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Comment(SqlValues.uuid(rs, 1), rs.getString(2), SqlValues.uuid(rs, 3), rs.getString(4),
                SqlValues.uuid(rs, 5), rs.getString(6), rs.getString(7), SqlValues.instant(rs, 8),
                SqlValues.instant(rs, 9), rs.getBoolean(10), rs.getString(11), SqlValues.instant(rs, 12));
    }
}
