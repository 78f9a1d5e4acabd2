package dev.postmortem.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * When a timeline event happened, exactly as the author wrote it: a time of day
 * ({@code "14:35"} or {@code "14:35:20"}, as in the spec), a local date-time in the
 * post-mortem's time zone ({@code "2025-01-16T00:02"}) or an ISO-8601 date-time with an offset
 * ({@code "2024-01-15T14:35:00Z"}). The text is kept verbatim so that the export shows what
 * was written; ordering and durations use the instant it stands for ({@link #on}).
 */
public final class TimelineTime {

    /** The ways of writing a time. */
    public enum Form {
        TIME_OF_DAY("a time of day such as 14:35"),
        LOCAL_DATE_TIME("a local date-time such as 2025-01-16T00:02"),
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
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T" + TIME_OF_DAY.pattern());
    // A time of day that no date places is ordered and measured on this day: one post-mortem's
    // undated times are all on the same day.
    private static final LocalDate UNDATED = LocalDate.EPOCH;

    private final String text;
    private final Form form;
    private final LocalDateTime local;
    private final OffsetDateTime dateTime;

    private TimelineTime(String text, Form form, LocalDateTime local, OffsetDateTime dateTime) {
        this.text = text;
        this.form = form;
        this.local = local;
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
            return new TimelineTime(text, Form.TIME_OF_DAY, UNDATED.atTime(time), null);
        }
        if (LOCAL_DATE_TIME.matcher(text).matches()) {
            try {
                LocalDateTime parsed = LocalDateTime.parse(text);
                checkYear(parsed.getYear());
                return new TimelineTime(text, Form.LOCAL_DATE_TIME, parsed, null);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be a real date, such as 2025-01-16T00:02", e);
            }
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            checkYear(parsed.getYear());
            return new TimelineTime(text, Form.DATE_TIME, null, parsed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(FORMS, e);
        }
    }

    /** The forms a time may take, as a message. */
    public static final String FORMS = "must be HH:mm, HH:mm:ss, a local date-time or an ISO-8601 date-time with"
            + " offset, such as 14:35, 2025-01-16T00:02 or 2024-01-15T14:35:00Z";

    private static void checkYear(int year) {
        if (!Limits.isSupportedYear(year)) {
            throw new IllegalArgumentException("must be a date-time in the years " + Limits.EARLIEST_YEAR
                    + " to " + Limits.LATEST_YEAR);
        }
    }

    /** A time written for {@code at}: its time of day when it falls on {@code date} in {@code zone}, else its local date-time. */
    public static TimelineTime of(Instant at, LocalDate date, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone).withNano(0);
        String time = local.getSecond() == 0 ? local.toLocalTime().toString().substring(0, 5)
                : local.toLocalTime().toString();
        return parse(local.toLocalDate().equals(date) ? time : local.toLocalDate() + "T" + time);
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

    /** Whether this time needs the incident's date to stand beside times that carry one. */
    public boolean isTimeOfDay() {
        return form == Form.TIME_OF_DAY;
    }

    /**
     * The instant this time stands for: a time of day on {@code date} (or, undated, on one
     * fixed day, which orders and measures times of day among themselves), a local date-time in
     * {@code zone}.
     */
    public Instant on(LocalDate date, ZoneId zone) {
        return switch (form) {
            case DATE_TIME -> dateTime.toInstant();
            case LOCAL_DATE_TIME -> local.atZone(zone).toInstant();
            case TIME_OF_DAY -> (date == null ? local : date.atTime(local.toLocalTime())).atZone(zone).toInstant();
        };
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
