package dev.postmortem.core.history;

import java.util.List;
import java.util.UUID;

/**
 * Where the history of each post-mortem is kept: one {@link HistoryEntry} per version an
 * {@code update} stored, written by the repository in the same transaction as the version itself
 * (so a failed write leaves no entry and a committed one always has its entry), by
 * {@code changedBy}, with {@link VersionChanges#between} the stored and the new document. The
 * creation is not kept here: the document says who created it and when. The JDBC and in-memory
 * post-mortem repositories implement it too.
 */
public interface HistoryRepository {

    /** Up to {@code limit} entries of the post-mortem after {@code afterVersion} (at least 1), oldest first. */
    List<HistoryEntry> history(String tenantId, UUID postMortemId, long afterVersion, int limit);
}
