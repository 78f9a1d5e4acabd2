package dev.postmortem.jdbc;

import dev.postmortem.core.history.HistoryEntry;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The rows of {@code pm_history}: one per stored version of a post-mortem, written with it, deleted with it. */
final class HistoryRows {

    private HistoryRows() {
    }

    /** Keeps {@code entry} in the caller's transaction, the one that stores its version. */
    static void keep(Handle handle, SqlDialect dialect, String tenantId, UUID postMortemId, HistoryEntry entry) {
        handle.createUpdate("INSERT INTO pm_history (post_mortem_id, version, tenant_id, changed_by, changed_at, changes)"
                        + " VALUES (:postMortemId, :version, :tenantId, :changedBy, :changedAt, "
                        + dialect.json("changes") + ")")
                .bind("postMortemId", postMortemId).bind("version", entry.version()).bind("tenantId", tenantId)
                .bind("changedBy", entry.changedBy()).bind("changedAt", SqlValues.instant(entry.changedAt()))
                .bind("changes", ChangesJson.write(entry.changes()))
                .execute();
    }

    static List<HistoryEntry> page(Handle handle, String tenantId, UUID postMortemId, long afterVersion, int limit) {
        return handle.createQuery("SELECT version, changed_by, changed_at, changes FROM pm_history"
                        + " WHERE post_mortem_id = :postMortemId AND tenant_id = :tenantId AND version > :after"
                        + " ORDER BY post_mortem_id, version LIMIT " + limit)
                .bind("postMortemId", postMortemId).bind("tenantId", tenantId).bind("after", afterVersion)
                .map((rs, ctx) -> new HistoryEntry(rs.getLong(1), rs.getString(2), SqlValues.instant(rs, 3),
                        ChangesJson.read(rs.getString(4))))
                .list();
    }
}
