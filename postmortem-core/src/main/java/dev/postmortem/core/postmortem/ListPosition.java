package dev.postmortem.core.postmortem;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A place in the newest-first listing: the last row of a page. The next page starts strictly
 * after it, so rows inserted meanwhile never shift or repeat what a reader pages through.
 */
public record ListPosition(Instant createdAt, UUID id) {

    public ListPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
