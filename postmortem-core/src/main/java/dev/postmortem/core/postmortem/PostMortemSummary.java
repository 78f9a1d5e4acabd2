package dev.postmortem.core.postmortem;

import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.util.UUID;

/** One row of the listing: enough to show and open a post-mortem, without its timeline and items. */
public record PostMortemSummary(UUID id, String incidentId, String title, PostMortemStatus status,
                                String templateId, Instant createdAt, String createdBy, Instant updatedAt,
                                Instant publishedAt, long version) {

    public ListPosition position() {
        return new ListPosition(createdAt, id);
    }
}
