package dev.postmortem.core.followup;

import java.util.List;

/**
 * A page of action items and where the next one starts.
 *
 * @param next the position of the page's last item when more follow, else {@code null}
 */
public record ActionItemPage(List<FollowUpItem> items, ActionItemPosition next) {

    public ActionItemPage {
        items = List.copyOf(items);
    }
}
