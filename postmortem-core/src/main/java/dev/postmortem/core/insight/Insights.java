package dev.postmortem.core.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a range of days.
 *
 * @param total every post-mortem of the range, ungrouped
 * @param groups one per key, in the key's order (months oldest first, the others by name, none last)
 * @param recurrence what keeps coming back, most recurring post-mortems first
 */
public record Insights(LocalDate from, LocalDate to, InsightGrouping groupBy, InsightGroup total,
                       List<InsightGroup> groups, List<Recurrence> recurrence) {

    public Insights {
        groups = List.copyOf(groups);
        recurrence = List.copyOf(recurrence);
    }
}
