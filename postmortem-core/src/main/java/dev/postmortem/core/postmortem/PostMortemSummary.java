package dev.postmortem.core.postmortem;

import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the listing: enough to show and open a post-mortem, its progress and its
 * classification, without its timeline and items.
 */
public record PostMortemSummary(UUID id, String incidentId, String title, PostMortemStatus status,
                                String templateId, Instant createdAt, String createdBy, Instant updatedAt,
                                Instant publishedAt, long version, ActionItemCounts actionItemCounts,
                                List<String> tags, String category) {

    public PostMortemSummary {
        actionItemCounts = actionItemCounts == null ? ActionItemCounts.NONE : actionItemCounts;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A row without classification. */
    public PostMortemSummary(UUID id, String incidentId, String title, PostMortemStatus status, String templateId,
                             Instant createdAt, String createdBy, Instant updatedAt, Instant publishedAt,
                             long version, ActionItemCounts actionItemCounts) {
        this(id, incidentId, title, status, templateId, createdAt, createdBy, updatedAt, publishedAt, version,
                actionItemCounts, List.of(), null);
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
