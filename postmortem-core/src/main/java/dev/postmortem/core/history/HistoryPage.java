package dev.postmortem.core.history;

import java.util.List;

/** A page of a post-mortem's history, oldest first; {@code nextCursor} is {@code null} on the last page. */
public record HistoryPage(List<HistoryEntry> items, String nextCursor) {

    public HistoryPage {
        items = List.copyOf(items);
    }
}
