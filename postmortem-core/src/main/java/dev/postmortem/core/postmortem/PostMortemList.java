package dev.postmortem.core.postmortem;

import java.util.List;

/**
 * One page of post-mortems, newest first.
 *
 * @param nextCursor pass it back to get the next page; {@code null} on the last page
 */
public record PostMortemList(List<PostMortemSummary> items, String nextCursor) {

    public PostMortemList {
        items = List.copyOf(items);
    }
}
