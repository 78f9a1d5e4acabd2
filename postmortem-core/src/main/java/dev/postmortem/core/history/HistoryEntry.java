package dev.postmortem.core.history;

import dev.postmortem.core.model.PostMortem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the write that stored one version changed; the creation (version 1) lists no changes. */
public record HistoryEntry(long version, String changedBy, Instant changedAt, List<FieldChange> changes) {

    public HistoryEntry {
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        changes = List.copyOf(changes);
    }

    /** The entry of a post-mortem's creation, version 1, read off the post-mortem at any version. */
    public static HistoryEntry creation(PostMortem postMortem) {
        return new HistoryEntry(1, postMortem.createdBy(), postMortem.createdAt(), List.of());
    }

    /** The entry of the write that turned {@code before} into {@code stored} (with its new version). */
    public static HistoryEntry of(PostMortem before, PostMortem stored, String changedBy) {
        return new HistoryEntry(stored.version(), changedBy, stored.updatedAt(), VersionChanges.between(before, stored));
    }
}
