package dev.postmortem.core.access;

import java.util.List;
import java.util.UUID;

/**
 * What one actor may change in one post-mortem now, so that a client offers exactly the
 * edits the API accepts.
 *
 * @param content whether the written content may be changed (an editor, in an editable status)
 * @param actionItemStatus the action items whose status the actor may change
 */
public record AllowedEdits(boolean content, List<UUID> actionItemStatus) {

    public AllowedEdits {
        actionItemStatus = List.copyOf(actionItemStatus);
    }
}
