package dev.postmortem.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the dates and instants of {@link ContentJson} in the one shape it writes them
 * ({@code 2025-01-15}, {@code 2025-01-15T10:30:00.123456Z}) by position, and any other ISO-8601
 * text through java.time: its general parsers were a tenth of reading a whole post-mortem
 * (async-profiler, {@code benchmarks/load.sh h2 get}).
 */
final class ContentTimes {

    private ContentTimes() {
    }

    /** {@code yyyy-MM-dd}, as {@link LocalDate#toString()} writes it. */
    static LocalDate date(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4)
                && digits(text, 5, 7) && digits(text, 8, 10)) {
            return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
        }
        return LocalDate.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, as {@link Instant#toString()} and the V2 migration write it. */
    static Instant instant(String text) {
        int length = text.length();
        boolean shaped = length >= 20 && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(length - 1) == 'Z' && digits(text, 11, 13) && digits(text, 14, 16)
                && digits(text, 17, 19) && (length == 20 || text.charAt(19) == '.' && length <= 30
                && length > 21 && digits(text, 20, length - 1));
        if (!shaped) {
            return Instant.parse(text);
        }
        int nanos = 0;
        for (int i = 20; i < 29; i++) {
            nanos = nanos * 10 + (i < length - 1 ? text.charAt(i) - '0' : 0);
        }
        LocalDateTime time = date(text.substring(0, 10)).atTime(number(text, 11, 13), number(text, 14, 16),
                number(text, 17, 19), nanos);
        return time.toInstant(ZoneOffset.UTC);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }
}
