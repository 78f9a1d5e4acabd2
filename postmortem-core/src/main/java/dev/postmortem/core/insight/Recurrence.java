package dev.postmortem.core.insight;

import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A service, tag or category that two or more post-mortems of the range share within
 * {@value #WINDOW_DAYS} days of each other.
 *
 * @param kind {@code service}, {@code tag} or {@code category}
 * @param count how many of its post-mortems have another within the window
 * @param postMortems the most recent {@value #LISTED} of those, newest first
 */
public record Recurrence(String kind, String key, long count, List<Occurrence> postMortems) {

    /** How close two post-mortems' days must be for the second to count as a recurrence. */
    public static final int WINDOW_DAYS = 90;
    /** How many of a recurrence's post-mortems are listed: a service that failed every week of a year lists 20. */
    public static final int LISTED = 20;

    public Recurrence {
        postMortems = List.copyOf(postMortems);
    }

    /** One post-mortem of a recurrence, enough to list and open it. */
    public record Occurrence(UUID id, String title, PostMortemStatus status, LocalDate day) {
    }
}
