package dev.postmortem.core.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A duration as people say it: {@code 15 minutes}, {@code 1 hour 5 minutes}, {@code 2 days 3 hours}. */
final class DurationText {

    private DurationText() {
    }

    static String of(Duration duration) {
        long seconds = duration.abs().getSeconds();
        if (seconds < 60) {
            return (duration.isNegative() ? "-" : "") + unit(seconds, "second");
        }
        List<String> parts = new ArrayList<>(2);
        long days = seconds / 86_400;
        long hours = seconds / 3_600 % 24;
        long minutes = seconds / 60 % 60;
        if (days > 0) {
            parts.add(unit(days, "day"));
        }
        if (hours > 0) {
            parts.add(unit(hours, "hour"));
        }
        // two units say enough: "2 days 3 hours", not "2 days 3 hours 12 minutes"
        if (minutes > 0 && parts.size() < 2 && days == 0) {
            parts.add(unit(minutes, "minute"));
        }
        return (duration.isNegative() ? "-" : "") + String.join(" ", parts);
    }

    private static String unit(long count, String name) {
        return count + " " + name + (count == 1 ? "" : "s");
    }
}
