package dev.postmortem.core.followup;

import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.LocalDate;
import java.util.Set;

/**
 * What to list of the action items across post-mortems. Every filter is optional.
 *
 * @param owner an owner, or {@code me} for the caller
 * @param overdue {@code true} for overdue items only, {@code false} for the others
 * @param dueBefore items due before this date (exclusive)
 * @param dueAfter items due after this date (exclusive)
 * @param q words that must all occur in the item's description
 * @param limit page size, 1 to 100; {@code null} for 20
 * @param cursor the {@code nextCursor} of the previous page
 */
public record ActionItemFilters(String owner, Set<ActionItemStatus> statuses, Priority priority, Boolean overdue,
                                LocalDate dueBefore, LocalDate dueAfter, Set<PostMortemStatus> postMortemStatuses,
                                String incidentId, String q, Integer limit, String cursor) {

    public static ActionItemFilters none() {
        return new ActionItemFilters(null, Set.of(), null, null, null, null, Set.of(), null, null, null, null);
    }
}
