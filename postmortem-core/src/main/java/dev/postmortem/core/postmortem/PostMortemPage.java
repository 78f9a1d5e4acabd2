package dev.postmortem.core.postmortem;

import java.util.List;

/**
 * A page of the listing.
 *
 * @param next where the following page starts; {@code null} on the last page
 */
public record PostMortemPage(List<PostMortemSummary> items, ListPosition next) {

    public PostMortemPage {
        items = List.copyOf(items);
    }
}
