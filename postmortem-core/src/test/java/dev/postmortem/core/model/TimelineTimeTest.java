package dev.postmortem.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    @ValueSource(strings = {"", "24:00", "14:60", "1:05", "14.35", "14:35:60", "14:35:00.5", "2pm",
        "2024-01-15T14:35:00", "2024-01-15", "2024-13-01T00:00:00Z", " 14:35"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> TimelineTime.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HH:mm");
        assertThat(TimelineTime.isValid(text)).isFalse();
    }

    @Test
    void ordersChronologicallyWithinAForm() {
        assertThat(TimelineTime.parse("09:59")).isLessThan(TimelineTime.parse("10:00"));
        assertThat(TimelineTime.parse("10:00").compareTo(TimelineTime.parse("10:00:00"))).isZero();
        // same instant written in two offsets
        assertThat(TimelineTime.parse("2024-01-15T15:00:00+01:00")
                .compareTo(TimelineTime.parse("2024-01-15T14:00:00Z"))).isZero();
        assertThat(TimelineTime.parse("2024-01-15T15:00:00+01:00"))
                .isLessThan(TimelineTime.parse("2024-01-15T14:30:00Z"));
    }

    @Test
    void everySecondOfTheDayReadsAsItsOwnTime() {
        // 86,400 texts strictly increasing in 86,400 possible values: each is read as itself
        TimelineTime previous = null;
        for (int second = 0; second < 86_400; second++) {
            String text = String.format("%02d:%02d:%02d", second / 3600, second / 60 % 60, second % 60);
            TimelineTime time = TimelineTime.parse(text);
            if (previous != null) {
                assertThat(time).as(text).isGreaterThan(previous);
            }
            if (second % 60 == 0) {
                assertThat(TimelineTime.parse(text.substring(0, 5)).compareTo(time)).as(text).isZero();
            }
            previous = time;
        }
    }

    @Test
    void refusesToOrderAcrossForms() {
        assertThatThrownBy(() -> TimelineTime.parse("14:35").compareTo(TimelineTime.parse("2024-01-15T14:35:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot order");
    }

    @Test
    void equalityIsByTheWrittenText() {
        assertThat(TimelineTime.parse("14:35")).isEqualTo(TimelineTime.parse("14:35"))
                .hasSameHashCodeAs(TimelineTime.parse("14:35"))
                .isNotEqualTo(TimelineTime.parse("14:35:00"));
        assertThat(TimelineTime.parse("14:35")).hasToString("14:35");
    }
}
