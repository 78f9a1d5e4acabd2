package dev.postmortem.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes a timeline one story: every time placed on one clock (times of day on the
 * incident's date, local date-times in the post-mortem's zone), each key moment marked at most
 * once, and the key moments in the order incidents go through them.
 */
public final class TimelineRules {

    private TimelineRules() {
    }

    /** Oldest first; {@link List#sort} is stable, so events at the same instant keep their order. */
    public static Comparator<TimelineEvent> chronological(LocalDate date, ZoneId zone) {
        return Comparator.comparing(event -> event.time().on(date, zone));
    }

    /** The instants of the key moments the events mark. */
    public static Map<KeyMoment, Instant> keyMoments(List<TimelineEvent> events, LocalDate date, ZoneId zone) {
        Map<KeyMoment, Instant> moments = new EnumMap<>(KeyMoment.class);
        for (TimelineEvent event : events) {
            if (event.keyMoment() != null) {
                moments.putIfAbsent(event.keyMoment(), event.time().on(date, zone));
            }
        }
        return moments;
    }

    /** What is wrong with {@code events} (in the order given, which the paths name); empty when nothing is. */
    public static List<FieldError> problems(List<TimelineEvent> events, LocalDate date, ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        undatedTimes(events, date).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            return errors;
        }
        Map<KeyMoment, Integer> marked = new EnumMap<>(KeyMoment.class);
        for (int i = 0; i < events.size(); i++) {
            KeyMoment moment = events.get(i).keyMoment();
            if (moment == null) {
                continue;
            }
            Integer first = marked.putIfAbsent(moment, i);
            if (first != null) {
                errors.add(new FieldError(path(i), moment + " is already marked on \""
                        + events.get(first).description() + "\"; each key moment is marked once"));
            }
        }
        for (Map.Entry<KeyMoment, Integer> later : marked.entrySet()) {
            for (Map.Entry<KeyMoment, Integer> earlier : marked.entrySet()) {
                if (earlier.getKey().compareTo(later.getKey()) >= 0) {
                    break;
                }
                TimelineEvent laterEvent = events.get(later.getValue());
                TimelineEvent earlierEvent = events.get(earlier.getValue());
                if (laterEvent.time().on(date, zone).isBefore(earlierEvent.time().on(date, zone))) {
                    errors.add(new FieldError(path(later.getValue()), later.getKey() + " at " + laterEvent.time()
                            + " (\"" + laterEvent.description() + "\") is before " + earlier.getKey() + " at "
                            + earlierEvent.time() + "; key moments go impact started, detected, acknowledged,"
                            + " mitigated, resolved (write the date of times after midnight: 2025-01-16T00:10)"));
                    break;
                }
            }
        }
        return errors;
    }

    private static Optional<FieldError> undatedTimes(List<TimelineEvent> events, LocalDate date) {
        if (date != null) {
            return Optional.empty();
        }
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).time().isTimeOfDay() != events.get(0).time().isTimeOfDay()) {
                return Optional.of(new FieldError("timeline[" + i + "].time", UNDATED_MESSAGE));
            }
        }
        return Optional.empty();
    }

    /** Why times of day and dated times cannot stand in one timeline without the incident's date. */
    public static final String UNDATED_MESSAGE = "mixes times of day with times that carry a date; set incidentDate"
            + " to place times of day on the incident's day, or write every time with its date (2025-01-15T14:35)";

    private static String path(int index) {
        return "timeline[" + index + "].keyMoment";
    }
}
