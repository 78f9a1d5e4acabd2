package dev.postmortem.core.port;

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

    public UUID postMortemId() {
        return postMortemId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
