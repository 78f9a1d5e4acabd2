package dev.postmortem.core.postmortem;

import java.util.UUID;

/**
 * The post-mortem changed since the caller read it: someone else saved first. Nothing was
 * written; reload, re-apply and try again.
 */
public class VersionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UUID postMortemId;
    private final long expectedVersion;

    public VersionConflictException(UUID postMortemId, long expectedVersion) {
        super("Post-mortem " + postMortemId + " is no longer at version " + expectedVersion
                + ": it was changed by someone else. Reload it and apply your change again.");
        this.postMortemId = postMortemId;
        this.expectedVersion = expectedVersion;
    }

    /** The database refused a write because another one changed the same rows at that moment. */
    public VersionConflictException(UUID postMortemId) {
        super("Post-mortem " + postMortemId + " was being changed by another writer at the same moment;"
                + " nothing was written. Apply your change again.");
        this.postMortemId = postMortemId;
        this.expectedVersion = -1;
    }

    public UUID postMortemId() {
        return postMortemId;
    }

    /** The version the write expected; -1 when the database refused a concurrent write. */
    public long expectedVersion() {
        return expectedVersion;
    }
}
