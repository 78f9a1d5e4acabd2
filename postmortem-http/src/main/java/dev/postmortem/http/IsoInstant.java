package dev.postmortem.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()}'s text ({@code 2024-01-15T14:30:05.123456Z}: UTC, the fraction in
 * groups of three digits, none when zero), written without {@code DateTimeFormatter}. A list
 * page carries three instants per post-mortem, and {@code Instant.toString} took a fifth of
 * the list endpoint's time under load (JFR, see benchmarks/RESULTS.md); this fills a byte
 * array. Years outside 0000..9999, which ISO writes with a sign, go to {@code Instant.toString}.
 */
final class IsoInstant {

    private static final long YEAR_0 = -62_167_219_200L;      // 0000-01-01T00:00:00Z
    private static final long YEAR_10000 = 253_402_300_800L;  // 10000-01-01T00:00:00Z
    private static final long SECONDS_PER_DAY = 86_400;

    private IsoInstant() {
    }

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // ASCII straight into a byte array: a Latin-1 string is then one copy, with no builder
        byte[] text = new byte[30];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int length = 19;
        int nanos = instant.getNano();
        if (nanos != 0) {
            text[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                length = digits(text, length, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                length = digits(text, length, nanos / 1_000, 6);
            } else {
                length = digits(text, length, nanos, 9);
            }
        }
        text[length++] = 'Z';
        return new String(text, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code value} (not negative) in exactly {@code width} digits, zero-padded, at {@code at}; returns the end. */
    private static int digits(byte[] text, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + width;
    }
}
