package dev.postmortem.core.history;

import dev.postmortem.core.model.PostMortem;
import java.util.List;
import java.util.Objects;

/**
 * A post-mortem's history, one entry per stored version, oldest first.
 * {@code PostMortemService} checks visibility and the page size and hands the use case here.
 */
public final class VersionHistory {

    /** Entries on a page unless the caller asks for another number. */
    public static final int DEFAULT_LIMIT = 20;

    private final HistoryRepository repository;

    public VersionHistory(HistoryRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    public HistoryPage page(PostMortem postMortem, Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        long after = HistoryCursor.decode(cursor);
        List<HistoryEntry> found = repository.history(postMortem.tenantId(), postMortem.id(), after, size + 1);
        List<HistoryEntry> items = found.size() > size ? found.subList(0, size) : found;
        return new HistoryPage(items, found.size() > size ? HistoryCursor.encode(items.get(size - 1).version()) : null);
    }
}
