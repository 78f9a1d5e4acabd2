package dev.postmortem.core.model;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * When a timeline event happened, exactly as the author wrote it: a time of day
 * ({@code "14:35"} or {@code "14:35:20"}, as in the spec) or an ISO-8601 date-time with an
 * offset ({@code "2024-01-15T14:35:00Z"}). The text is kept verbatim so that the export shows
 * what was written; ordering uses the parsed value.
 */
public final class TimelineTime implements Comparable<TimelineTime> {

    /** The two ways of writing a time. One post-mortem uses one of them throughout. */
    public enum Form {
        TIME_OF_DAY("a time of day such as 14:35"),
        DATE_TIME("a date-time with offset such as 2024-01-15T14:35:00Z");

        private final String description;

        Form(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    // LocalTime.parse would also accept fractions of a second; the spec's form is HH:mm[:ss].
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?");

    private final String text;
    private final Form form;
    private final LocalTime timeOfDay;
    private final OffsetDateTime dateTime;

    private TimelineTime(String text, Form form, LocalTime timeOfDay, OffsetDateTime dateTime) {
        this.text = text;
        this.form = form;
        this.timeOfDay = timeOfDay;
        this.dateTime = dateTime;
    }

    /**
     * Reads a time in either form.
     *
     * @throws IllegalArgumentException when the text is in neither form
     */
    public static TimelineTime parse(String text) {
        Objects.requireNonNull(text, "text");
        if (TIME_OF_DAY.matcher(text).matches()) {
            // the pattern fixed every position, so the digits are read in place: LocalTime.parse
            // ran a DateTimeFormatter for every event of every document read or written
            LocalTime time = LocalTime.of(twoDigits(text, 0), twoDigits(text, 3),
                    text.length() == 8 ? twoDigits(text, 6) : 0);
            return new TimelineTime(text, Form.TIME_OF_DAY, time, null);
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (!Limits.isSupportedYear(parsed.getYear())) {
                throw new IllegalArgumentException("must be a date-time in the years " + Limits.EARLIEST_YEAR
                        + " to " + Limits.LATEST_YEAR);
            }
            return new TimelineTime(text, Form.DATE_TIME, null, parsed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be HH:mm, HH:mm:ss or an ISO-8601 date-time with offset,"
                    + " such as 14:35 or 2024-01-15T14:35:00Z", e);
        }
    }

    private static int twoDigits(String text, int at) {
        return (text.charAt(at) - '0') * 10 + (text.charAt(at + 1) - '0');
    }

    /** Whether {@code text} is a valid time in either form. */
    public static boolean isValid(String text) {
        return problem(text) == null;
    }

    /** Why {@code text} is not a valid time, or {@code null} when it is. */
    public static String problem(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public String text() {
        return text;
    }

    public Form form() {
        return form;
    }

    /**
     * Chronological order. Times of one form only: a post-mortem never mixes forms, and a
     * time of day has no date to compare with a date-time.
     */
    @Override
    public int compareTo(TimelineTime other) {
        if (form != other.form) {
            throw new IllegalArgumentException("cannot order " + text + " against " + other.text
                    + ": one is " + form.description() + ", the other " + other.form.description());
        }
        return form == Form.TIME_OF_DAY
                ? timeOfDay.compareTo(other.timeOfDay)
                : dateTime.toInstant().compareTo(other.dateTime.toInstant());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimelineTime other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
