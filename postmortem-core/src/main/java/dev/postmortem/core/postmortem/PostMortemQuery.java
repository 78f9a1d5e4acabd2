package dev.postmortem.core.postmortem;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.classification.ListFilters;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * One page of the listing as the repository must compute it: scoped to the viewer's tenant
 * and to what the viewer may see (drafts only for their creator, contributors and admins),
 * newest first by {@code createdAt}, then id, both descending, unless sorted by relevance.
 * With a text, each summary carries its {@link PostMortemSummary#highlight()}.
 *
 * @param statuses only these statuses; empty for all
 * @param incidentId only this incident; {@code null} for all
 * @param text words that must all occur (case-insensitively) in the post-mortem's texts or its
 *     comments ({@link dev.postmortem.core.search.SearchableText}); {@code null} for no text filter
 * @param after start after this position; {@code null} for the first page
 * @param today the viewer's tenant's date, against which the summaries count overdue items
 * @param filters the classification filters
 * @param sort the order; {@link ListSort#RELEVANCE} only with {@code text}
 * @param skip with {@link ListSort#RELEVANCE}, how many hits earlier pages showed; 0 otherwise
 */
public record PostMortemQuery(Actor viewer, Set<PostMortemStatus> statuses, String incidentId, String text,
                              int limit, ListPosition after, LocalDate today, ListFilters filters, ListSort sort,
                              int skip) {

    /** A query newest first. */
    public PostMortemQuery(Actor viewer, Set<PostMortemStatus> statuses, String incidentId, String text, int limit,
                           ListPosition after, LocalDate today, ListFilters filters) {
        this(viewer, statuses, incidentId, text, limit, after, today, filters, ListSort.NEWEST, 0);
    }

    /** A query without classification filters. */
    public PostMortemQuery(Actor viewer, Set<PostMortemStatus> statuses, String incidentId, String text, int limit,
                           ListPosition after, LocalDate today) {
        this(viewer, statuses, incidentId, text, limit, after, today, ListFilters.NONE);
    }

    /** A query counting overdue items against today in UTC. */
    public PostMortemQuery(Actor viewer, Set<PostMortemStatus> statuses, String incidentId, String text, int limit,
                           ListPosition after) {
        this(viewer, statuses, incidentId, text, limit, after, LocalDate.now(ZoneOffset.UTC));
    }

    public PostMortemQuery {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(today, "today");
        filters = filters == null ? ListFilters.NONE : filters;
        sort = sort == null ? ListSort.NEWEST : sort;
        if (sort == ListSort.RELEVANCE && text == null) {
            throw new IllegalArgumentException("sorting by relevance needs a text");
        }
        if (skip < 0 || sort == ListSort.NEWEST && skip != 0) {
            throw new IllegalArgumentException("skip " + skip + " with " + sort);
        }
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
