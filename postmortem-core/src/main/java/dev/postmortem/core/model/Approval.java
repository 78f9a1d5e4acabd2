package dev.postmortem.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One reviewer's approval of a post-mortem as it was at {@code version}. A later change to the
 * content makes it stale ({@link PostMortem#isStale(Approval)}): it approved a text that is no
 * longer there.
 */
public record Approval(String approvedBy, long version, Instant approvedAt) {

    public Approval {
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(approvedAt, "approvedAt");
    }
}
