package dev.postmortem.core.postmortem;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.Objects;
import java.util.Set;

/**
 * One page of the listing as the repository must compute it: scoped to the viewer's tenant
 * and to what the viewer may see (drafts only for their creator, contributors and admins),
 * newest first by {@code createdAt}, then id, both descending.
 *
 * @param statuses only these statuses; empty for all
 * @param incidentId only this incident; {@code null} for all
 * @param text words that must all occur (case-insensitively) in title, summary, impact or root
 *     cause; {@code null} for no text filter
 * @param after start after this position; {@code null} for the first page
 */
public record PostMortemQuery(Actor viewer, Set<PostMortemStatus> statuses, String incidentId, String text,
                              int limit, ListPosition after) {

    public PostMortemQuery {
        Objects.requireNonNull(viewer, "viewer");
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
