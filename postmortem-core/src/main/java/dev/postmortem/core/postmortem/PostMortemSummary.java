package dev.postmortem.core.postmortem;

import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the listing: enough to show and open a post-mortem, and its progress, without its
 * timeline and items.
 */
public record PostMortemSummary(UUID id, String incidentId, String title, PostMortemStatus status,
                                String templateId, Instant createdAt, String createdBy, Instant updatedAt,
                                Instant publishedAt, long version, ActionItemCounts actionItemCounts) {

    public PostMortemSummary {
        actionItemCounts = actionItemCounts == null ? ActionItemCounts.NONE : actionItemCounts;
    }

    public ListPosition position() {
        return new ListPosition(createdAt, id);
    }

    /**
     * How far a post-mortem's action items are: how many, how many DONE, how many overdue on the
     * viewer's tenant's today.
     */
    public record ActionItemCounts(int total, int done, int overdue) {
        public static final ActionItemCounts NONE = new ActionItemCounts(0, 0, 0);
    }
}
