package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentTimesTest {

    private final Random random = new Random(20251215);

    @Test
    void readsEveryInstantAsJavaTimeDoes() {
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS,
                    ChronoUnit.NANOS}) {
                String text = instant.truncatedTo(unit).toString();
                assertThat(ContentTimes.instant(text)).as(text).isEqualTo(Instant.parse(text));
            }
        }
    }

    @Test
    void readsTheInstantsTheMigrationWrote() {
        assertThat(ContentTimes.instant("2025-01-15T10:30:00.120000Z"))
                .isEqualTo(Instant.parse("2025-01-15T10:30:00.12Z"));
        assertThat(ContentTimes.instant("2025-01-15T10:30:00.000000Z")).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
    }

    @Test
    void readsEveryDateAsJavaTimeDoes() {
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(-719_162, 2_932_896));
            assertThat(ContentTimes.date(date.toString())).isEqualTo(date);
        }
    }

    @Test
    void leavesOtherShapesToJavaTime() {
        assertThat(ContentTimes.instant("+10000-01-01T00:00:00Z")).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
        assertThat(ContentTimes.date("+10000-01-01")).isEqualTo(LocalDate.parse("+10000-01-01"));
        assertThat(ContentTimes.instant("2025-01-15T10:30:00.Z")).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
        for (String broken : new String[] {"2025-01-15T10:3a:00Z", "2025-13-15T10:30:00Z",
                "2025-01-15T24:30:00Z", "2025-01-15 10:30:00Z", "2025-01-15T10:30:00.1234567890Z"}) {
            assertThatThrownBy(() -> ContentTimes.instant(broken)).as(broken)
                    .isInstanceOf(java.time.DateTimeException.class);
        }
        assertThatThrownBy(() -> ContentTimes.date("2025-02-30")).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> ContentTimes.date("2025-1-15")).isInstanceOf(DateTimeParseException.class);
    }
}
