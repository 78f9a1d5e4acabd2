package dev.postmortem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"00:00", "14:35", "23:59", "14:35:20"})
    void readsTimesOfDayAsTheSpecWritesThem(String text) {
        TimelineTime time = TimelineTime.parse(text);
        assertThat(time.form()).isEqualTo(TimelineTime.Form.TIME_OF_DAY);
        assertThat(time.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15T14:35:00Z", "2024-01-15T14:35:00+02:00", "2024-01-15T14:35Z",
        "2024-01-15T14:35:00.123-05:00"})
    void readsIsoDateTimesWithOffset(String text) {
        TimelineTime time = TimelineTime.parse(text);
        assertThat(time.form()).isEqualTo(TimelineTime.Form.DATE_TIME);
        assertThat(time.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-16T00:02", "2025-01-16T00:02:30"})
    void readsLocalDateTimes(String text) {
        TimelineTime time = TimelineTime.parse(text);
        assertThat(time.form()).isEqualTo(TimelineTime.Form.LOCAL_DATE_TIME);
        assertThat(time.on(null, ZoneId.of("Europe/Berlin"))).isEqualTo(
                LocalDateTime.parse(text).atZone(ZoneId.of("Europe/Berlin")).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24:00", "14:60", "1:05", "14.35", "14:35:60", "14:35:00.5", "2pm",
        "2024-01-15T14:35:00.5", "2024-01-15", "2024-13-01T00:00:00Z", "2024-02-30T10:00", " 14:35"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> TimelineTime.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TimelineTime.isValid(text)).isFalse();
    }

    @Test
    void placesTimesOfDayOnTheIncidentsDateInItsZone() {
        LocalDate day = LocalDate.parse("2025-01-15");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(TimelineTime.parse("23:50").on(day, berlin)).isEqualTo(Instant.parse("2025-01-15T22:50:00Z"));
        assertThat(TimelineTime.parse("2025-01-16T00:10").on(day, berlin))
                .isEqualTo(Instant.parse("2025-01-15T23:10:00Z"));
        assertThat(TimelineTime.parse("2025-01-15T23:50:00Z").on(day, berlin))
                .isEqualTo(Instant.parse("2025-01-15T23:50:00Z"));
    }

    @Test
    void writesAnInstantAsATimeOfDayOnTheIncidentsDateAndWithItsDateOtherwise() {
        LocalDate day = LocalDate.parse("2025-01-15");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(TimelineTime.of(Instant.parse("2025-01-15T22:50:00Z"), day, berlin).text()).isEqualTo("23:50");
        assertThat(TimelineTime.of(Instant.parse("2025-01-15T23:10:30Z"), day, berlin).text())
                .isEqualTo("2025-01-16T00:10:30");
    }

    @Test
    void everySecondOfTheDayReadsAsItsOwnTime() {
        // 86,400 texts strictly increasing in 86,400 possible values: each is read as itself
        Instant previous = null;
        for (int second = 0; second < 86_400; second++) {
            String text = String.format("%02d:%02d:%02d", second / 3600, second / 60 % 60, second % 60);
            Instant time = TimelineTime.parse(text).on(null, ZoneOffset.UTC);
            if (previous != null) {
                assertThat(time).as(text).isAfter(previous);
            }
            if (second % 60 == 0) {
                assertThat(TimelineTime.parse(text.substring(0, 5)).on(null, ZoneOffset.UTC)).as(text).isEqualTo(time);
            }
            previous = time;
        }
    }

    @Test
    void equalityIsByTheWrittenText() {
        assertThat(TimelineTime.parse("14:35")).isEqualTo(TimelineTime.parse("14:35"))
                .hasSameHashCodeAs(TimelineTime.parse("14:35"))
                .isNotEqualTo(TimelineTime.parse("14:35:00"));
        assertThat(TimelineTime.parse("14:35")).hasToString("14:35");
    }
}
