package dev.postmortem.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How long the incident took, from its key moments; each {@code null} when a moment it needs is
 * not marked. Computed, never written by an author.
 */
public record Durations(Duration timeToDetect, Duration timeToAcknowledge, Duration timeToMitigate,
                        Duration timeToResolve, Duration impactDuration) {

    public static final Durations NONE = new Durations(null, null, null, null, null);

    /** The durations implied by the instants of the key moments that are marked. */
    public static Durations of(Map<KeyMoment, Instant> moments) {
        Instant end = moments.getOrDefault(KeyMoment.MITIGATED, moments.get(KeyMoment.RESOLVED));
        return new Durations(
                between(moments.get(KeyMoment.IMPACT_STARTED), moments.get(KeyMoment.DETECTED)),
                between(moments.get(KeyMoment.DETECTED), moments.get(KeyMoment.ACKNOWLEDGED)),
                between(moments.get(KeyMoment.IMPACT_STARTED), moments.get(KeyMoment.MITIGATED)),
                between(moments.get(KeyMoment.IMPACT_STARTED), moments.get(KeyMoment.RESOLVED)),
                between(moments.get(KeyMoment.IMPACT_STARTED), end));
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }
}
