package dev.postmortem.core.postmortem;

import dev.postmortem.core.search.Highlight;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the listing: enough to show and open a post-mortem, its progress and its
 * classification, without its timeline and items; with a search, the passage that matched
 * ({@code highlight}, else {@code null}).
 */
public record PostMortemSummary(UUID id, String incidentId, String title, PostMortemStatus status,
                                String templateId, Instant createdAt, String createdBy, Instant updatedAt,
                                Instant publishedAt, long version, ActionItemCounts actionItemCounts,
                                List<String> tags, String category, Highlight highlight) {

    /** A row without a search's highlight. */
    public PostMortemSummary(UUID id, String incidentId, String title, PostMortemStatus status, String templateId,
                             Instant createdAt, String createdBy, Instant updatedAt, Instant publishedAt,
                             long version, ActionItemCounts actionItemCounts, List<String> tags, String category) {
        this(id, incidentId, title, status, templateId, createdAt, createdBy, updatedAt, publishedAt, version,
                actionItemCounts, tags, category, null);
    }

    public PostMortemSummary {
        actionItemCounts = actionItemCounts == null ? ActionItemCounts.NONE : actionItemCounts;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A row without classification. */
    public PostMortemSummary(UUID id, String incidentId, String title, PostMortemStatus status, String templateId,
                             Instant createdAt, String createdBy, Instant updatedAt, Instant publishedAt,
                             long version, ActionItemCounts actionItemCounts) {
        this(id, incidentId, title, status, templateId, createdAt, createdBy, updatedAt, publishedAt, version,
                actionItemCounts, List.of(), null, null);
    }

    /** This row with the passage that matched a search. */
    public PostMortemSummary withHighlight(Highlight passage) {
        return new PostMortemSummary(id, incidentId, title, status, templateId, createdAt, createdBy, updatedAt,
                publishedAt, version, actionItemCounts, tags, category, passage);
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
