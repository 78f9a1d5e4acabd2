package dev.postmortem.core.incident;

import dev.postmortem.core.model.KeyMoment;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An incident as the host platform records it. Only the id and the title are required; the
 * instants are its key moments as the platform saw them.
 *
 * @param severity the host's own scale ({@code SEV1}, {@code P2}, ...), shown as written
 * @param status the host's own status ({@code resolved}, ...), shown as written
 * @param url the incident's page in the host platform
 * @param services the services the incident affected
 */
public record Incident(String id, String title, String severity, String status, String url,
                       Instant startedAt, Instant detectedAt, Instant acknowledgedAt, Instant mitigatedAt,
                       Instant resolvedAt, List<String> services) {

    /** Most recently started first; incidents without a start last, then by id. */
    public static final Comparator<Incident> MOST_RECENT_FIRST = Comparator
            .comparing(Incident::startedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Incident::id);

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** An incident with only an id and a title. */
    public static Incident of(String id, String title) {
        return new Incident(id, title, null, null, null, null, null, null, null, null, List.of());
    }

    /**
     * Whether every word of {@code text} occurs, in any case, in the id, the title or a service:
     * what a catalog kept in memory answers to a search.
     */
    public boolean matches(String text) {
        String haystack = (id + " " + title + " " + String.join(" ", services)).toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The key moments the platform recorded, in the order they happen in an incident. */
    public Map<KeyMoment, Instant> keyMoments() {
        Map<KeyMoment, Instant> moments = new EnumMap<>(KeyMoment.class);
        put(moments, KeyMoment.IMPACT_STARTED, startedAt);
        put(moments, KeyMoment.DETECTED, detectedAt);
        put(moments, KeyMoment.ACKNOWLEDGED, acknowledgedAt);
        put(moments, KeyMoment.MITIGATED, mitigatedAt);
        put(moments, KeyMoment.RESOLVED, resolvedAt);
        return moments;
    }

    private static void put(Map<KeyMoment, Instant> moments, KeyMoment moment, Instant at) {
        if (at != null) {
            moments.put(moment, at);
        }
    }
}
