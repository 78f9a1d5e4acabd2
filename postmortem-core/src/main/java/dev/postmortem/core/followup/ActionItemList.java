package dev.postmortem.core.followup;

import java.util.List;

/** A page of action items and the cursor of the next page, {@code null} on the last. */
public record ActionItemList(List<FollowUpItem> items, String nextCursor) {

    public ActionItemList {
        items = List.copyOf(items);
    }
}
