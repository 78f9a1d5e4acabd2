package dev.postmortem.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clients parse these texts; they must be exactly what Instant.toString wrote before. */
class IsoInstantTest {

    private static final JsonCodec CODEC = new JsonCodec();

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15T14:30:00Z", "2024-01-15T14:30:05.100Z", "2024-01-15T14:30:05.123456Z",
            "2024-01-15T14:30:05.000000001Z", "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"})
    void writesWhatInstantToStringWrites(String text) {
        Instant instant = Instant.parse(text);
        assertThat(asJsonValue(instant)).isEqualTo('"' + instant.toString() + '"').isEqualTo('"' + text + '"');
    }

    @Test
    void agreesWithInstantToStringOnAMillionRandomInstants() {
        SplittableRandom random = new SplittableRandom(20261126);
        for (int i = 0; i < 1_000_000; i++) {
            // 1900..2200, with each of the fraction forms: none, millis, micros, nanos
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 7_258_118_400L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(asJsonValue(instant)).isEqualTo('"' + instant.toString() + '"');
        }
    }

    /** What the documents write for the instant: the value of a field, in the answer's bytes. */
    private static String asJsonValue(Instant instant) {
        byte[] json = CODEC.write(List.of(instant));
        String array = new String(json, StandardCharsets.UTF_8);
        return array.substring(1, array.length() - 1);
    }
}
