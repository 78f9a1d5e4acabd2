package dev.postmortem.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()}'s text ({@code 2024-01-15T14:30:05.123456Z}: UTC, the fraction in
 * groups of three digits, none when zero), written without {@code DateTimeFormatter}. A list
 * page carries three instants per post-mortem, and {@code Instant.toString} took a fifth of
 * the list endpoint's time under load (JFR, see benchmarks/RESULTS.md); this takes a few
 * appends. Years outside 0000..9999, which ISO writes with a sign, go to {@code Instant.toString}.
 */
final class IsoInstant {

    private static final long YEAR_0 = -62_167_219_200L;      // 0000-01-01T00:00:00Z
    private static final long YEAR_10000 = 253_402_300_800L;  // 10000-01-01T00:00:00Z

    private IsoInstant() {
    }

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        digits(text, t.getYear(), 4).append('-');
        digits(text, t.getMonthValue(), 2).append('-');
        digits(text, t.getDayOfMonth(), 2).append('T');
        digits(text, t.getHour(), 2).append(':');
        digits(text, t.getMinute(), 2).append(':');
        digits(text, t.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(text, nanos / 1_000, 6);
            } else {
                digits(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    /** {@code value} (not negative) in exactly {@code width} digits, zero-padded. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int divisor = pow10(width - 1); divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
        return text;
    }

    private static int pow10(int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
