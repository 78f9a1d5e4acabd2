package dev.postmortem.core.followup;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One page of action items as the repository must compute it: the viewer's tenant, only items of
 * post-mortems the viewer may see (a draft's only for its creator, contributors and admins),
 * ordered by due date (none last), then priority (HIGH first), then id, keyset-paged.
 *
 * @param owner only this owner's items (compared without case); {@code null} for all
 * @param overdue {@code true}: only items not DONE due before {@code today}; {@code false}: only
 *     the others; {@code null}: both
 * @param today the viewer's tenant's date, which {@code overdue} is about
 * @param dueBefore only items due before this date (exclusive); {@code null} for no bound
 * @param dueAfter only items due after this date (exclusive); {@code null} for no bound
 * @param text words that must all occur (any case) in the item's description
 * @param after start after this item of the previous page; {@code null} for the first page
 */
public record ActionItemQuery(Actor viewer, String owner, Set<ActionItemStatus> statuses, Priority priority,
                              Boolean overdue, LocalDate today, LocalDate dueBefore, LocalDate dueAfter,
                              Set<PostMortemStatus> postMortemStatuses, String incidentId, String text, int limit,
                              ActionItemPosition after) {

    public ActionItemQuery {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(today, "today");
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        postMortemStatuses = postMortemStatuses == null ? Set.of() : Set.copyOf(postMortemStatuses);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
