package dev.postmortem.core.postmortem;

import dev.postmortem.core.classification.ListFilters;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.Set;

/**
 * What to list. Every filter is optional.
 *
 * @param statuses only these statuses; empty or {@code null} for all the caller may see
 * @param incidentId only post-mortems of this incident
 * @param q words that must all occur in the post-mortem: any of its texts or its comments (any case)
 * @param limit page size, 1 to 100; {@code null} for the default of 20
 * @param cursor the {@code nextCursor} of the previous page; {@code null} for the first page
 * @param filters the classification filters
 * @param sort the order; {@code null} for newest first ({@link ListSort#RELEVANCE} needs {@code q})
 */
public record ListPostMortemsQuery(Set<PostMortemStatus> statuses, String incidentId, String q, Integer limit,
                                   String cursor, ListFilters filters, ListSort sort) {

    public ListPostMortemsQuery(Set<PostMortemStatus> statuses, String incidentId, String q, Integer limit,
                                String cursor, ListFilters filters) {
        this(statuses, incidentId, q, limit, cursor, filters, ListSort.NEWEST);
    }

    public ListPostMortemsQuery(Set<PostMortemStatus> statuses, String incidentId, String q, Integer limit,
                                String cursor) {
        this(statuses, incidentId, q, limit, cursor, ListFilters.NONE);
    }

    public ListPostMortemsQuery {
        filters = filters == null ? ListFilters.NONE : filters;
        sort = sort == null ? ListSort.NEWEST : sort;
    }

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static ListPostMortemsQuery firstPage() {
        return new ListPostMortemsQuery(Set.of(), null, null, null, null);
    }
}
