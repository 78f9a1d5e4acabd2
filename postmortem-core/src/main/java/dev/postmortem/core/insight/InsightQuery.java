package dev.postmortem.core.insight;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.classification.ListFilters;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the repository computes the figures of: the viewer's tenant and what the viewer may see
 * (drafts only for their creator, contributors and admins), post-mortems whose day ({@link
 * ListFilters#dayOf}) is in {@code [from, to]}, narrowed by the filters.
 *
 * @param today the viewer's tenant's date, against which items are overdue
 */
public record InsightQuery(Actor viewer, LocalDate from, LocalDate to, InsightGrouping groupBy, ListFilters filters,
                           LocalDate today) {

    public InsightQuery {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(today, "today");
        filters = filters == null ? ListFilters.NONE : filters;
    }
}
