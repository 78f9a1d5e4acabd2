package dev.postmortem.core.postmortem;

import java.util.List;

/**
 * A page of the listing.
 *
 * @param next where the following page starts newest first; {@code null} on the last page and
 *     when sorted by relevance
 * @param more whether another page follows
 */
public record PostMortemPage(List<PostMortemSummary> items, ListPosition next, boolean more) {

    /** A page newest first. */
    public PostMortemPage(List<PostMortemSummary> items, ListPosition next) {
        this(items, next, next != null);
    }

    public PostMortemPage {
        items = List.copyOf(items);
    }
}
