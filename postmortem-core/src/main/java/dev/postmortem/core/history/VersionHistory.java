package dev.postmortem.core.history;

import dev.postmortem.core.model.PostMortem;
import java.util.ArrayList;
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
        List<HistoryEntry> found = new ArrayList<>(size + 1);
        if (after == 0) {
            // the creation is the document's own: storing it too cost a fifth of a create on H2
            // (POST 0.88 of the raw baseline, benchmarks/load.sh h2)
            found.add(HistoryEntry.creation(postMortem));
        }
        found.addAll(repository.history(postMortem.tenantId(), postMortem.id(), Math.max(after, 1),
                size + 1 - found.size()));
        List<HistoryEntry> items = found.size() > size ? found.subList(0, size) : found;
        return new HistoryPage(items, found.size() > size ? HistoryCursor.encode(items.get(size - 1).version()) : null);
    }
}
