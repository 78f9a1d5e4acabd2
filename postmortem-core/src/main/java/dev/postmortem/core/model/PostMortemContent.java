package dev.postmortem.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The part of a post-mortem that its authors write. The timeline is always kept in
 * chronological order, events at the same time in the order they were added: the
 * constructor sorts stably, so no caller can store an unordered timeline.
 *
 * @param impact optional, {@code null} when not written yet
 * @param rootCause optional, {@code null} when not written yet
 * @param contributors e-mail addresses (lower case) of the people who may edit the draft
 */
public record PostMortemContent(String incidentId, String title, String summary, String impact,
                                String rootCause, List<TimelineEvent> timeline,
                                List<ActionItem> actionItems, List<String> contributors) {

    public PostMortemContent {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        timeline = chronological(timeline);
        actionItems = List.copyOf(actionItems);
        contributors = List.copyOf(contributors);
    }

    private static List<TimelineEvent> chronological(List<TimelineEvent> events) {
        List<TimelineEvent> sorted = new ArrayList<>(events);
        // List.sort is stable, which is what keeps ties in insertion order.
        sorted.sort(Comparator.comparing(TimelineEvent::time));
        return List.copyOf(sorted);
    }
}
