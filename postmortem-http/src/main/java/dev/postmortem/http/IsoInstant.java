package dev.postmortem.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()}'s text ({@code 2024-01-15T14:30:05.123456Z}: UTC, the fraction in
 * groups of three digits, none when zero), written without {@code DateTimeFormatter}: kept
 * because a list page carries three instants per post-mortem, and with {@code Instant.toString}
 * in its place the list fell from 1.15-1.19 to 0.91 of the baseline (CPU 0.88, rounds down to
 * 0.84) on H2 and from 1.04 to 0.91 on PostgreSQL ({@code benchmarks/load.sh h2|postgres}).
 * Years outside 0000..9999, which ISO writes with a sign, go to {@code Instant.toString}.
 */
final class IsoInstant {

    private static final long YEAR_0 = -62_167_219_200L;      // 0000-01-01T00:00:00Z
    private static final long YEAR_10000 = 253_402_300_800L;  // 10000-01-01T00:00:00Z
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int MAX_LENGTH = 30;                  // 9999-12-31T23:59:59.999999999Z
    private static final byte[] DIGIT_PAIRS = digitPairs();     // "00" .. "99", two bytes each

    private IsoInstant() {
    }

    /**
     * Writes the instant as a JSON string value. The text is ASCII with nothing to escape, so its
     * bytes go to the generator as they are: no {@code String}, and none of the generator's
     * per-character escaping of one (together about a fifth of the list page's JSON, see
     * {@code JsonBenchmark.writeListPage}). Every generator here writes UTF-8 bytes ({@link JsonCodec}).
     */
    static void write(JsonGenerator out, Instant instant) throws IOException {
        byte[] text = new byte[MAX_LENGTH];
        int length = encode(instant, text);
        if (length < 0) {
            out.writeString(instant.toString());
        } else {
            out.writeRawUTF8String(text, 0, length);
        }
    }

    /** Fills {@code text} from 0 and returns the length, or -1 for a year outside 0000..9999. */
    private static int encode(Instant instant, byte[] text) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int year = date.getYear();
        twoDigits(text, 0, year / 100);
        twoDigits(text, 2, year % 100);
        text[4] = '-';
        twoDigits(text, 5, date.getMonthValue());
        text[7] = '-';
        twoDigits(text, 8, date.getDayOfMonth());
        text[10] = 'T';
        twoDigits(text, 11, secondOfDay / 3600);
        text[13] = ':';
        twoDigits(text, 14, secondOfDay / 60 % 60);
        text[16] = ':';
        twoDigits(text, 17, secondOfDay % 60);
        int length = 19;
        int nanos = instant.getNano();
        if (nanos != 0) {
            text[length++] = '.';
            // groups of three digits, as many as the value needs
            length = threeDigits(text, length, nanos / 1_000_000);
            int rest = nanos % 1_000_000;
            if (rest != 0) {
                length = threeDigits(text, length, rest / 1_000);
                if (rest % 1_000 != 0) {
                    length = threeDigits(text, length, rest % 1_000);
                }
            }
        }
        text[length++] = 'Z';
        return length;
    }

    /** Writes {@code value} (0..99) in two digits at {@code at}. */
    private static void twoDigits(byte[] text, int at, int value) {
        text[at] = DIGIT_PAIRS[value * 2];
        text[at + 1] = DIGIT_PAIRS[value * 2 + 1];
    }

    /** Writes {@code value} (0..999) in three digits at {@code at}; returns the end. */
    private static int threeDigits(byte[] text, int at, int value) {
        text[at] = (byte) ('0' + value / 100);
        twoDigits(text, at + 1, value % 100);
        return at + 3;
    }

    private static byte[] digitPairs() {
        byte[] pairs = new byte[200];
        for (int i = 0; i < 100; i++) {
            pairs[i * 2] = (byte) ('0' + i / 10);
            pairs[i * 2 + 1] = (byte) ('0' + i % 10);
        }
        return pairs;
    }
}
