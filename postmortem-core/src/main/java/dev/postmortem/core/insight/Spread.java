package dev.postmortem.core.insight;

import java.time.Duration;

/**
 * The median and 90th percentile of durations, each interpolated between the two nearest
 * values as PostgreSQL's {@code percentile_cont} does (of 10 and 20 minutes, the median is
 * 15); both {@code null} when no post-mortem of the group has the duration.
 */
public record Spread(Duration median, Duration p90) {

    public static final Spread NONE = new Spread(null, null);
}
