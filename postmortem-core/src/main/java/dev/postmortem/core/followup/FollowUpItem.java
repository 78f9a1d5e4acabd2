package dev.postmortem.core.followup;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.Objects;
import java.util.UUID;

/** An action item seen across post-mortems, with the post-mortem it belongs to. */
public record FollowUpItem(ActionItem item, PostMortemRef postMortem, String tenantId) {

    public FollowUpItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(postMortem, "postMortem");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    /** What a list of action items says of each item's post-mortem. */
    public record PostMortemRef(UUID id, String title, PostMortemStatus status, String incidentId) {
    }
}
