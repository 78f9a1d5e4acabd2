package dev.postmortem.core.model;

import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of a post-mortem's history: who moved it from what to what, and when.
 *
 * @param from {@code null} for the entry that records the creation
 */
public record StatusChange(PostMortemStatus from, PostMortemStatus to, String changedBy, Instant changedAt) {

    public StatusChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
