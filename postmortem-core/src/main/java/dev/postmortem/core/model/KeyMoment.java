package dev.postmortem.core.model;

/**
 * The moments of an incident that incident platforms record and measure, in the order they
 * happen. A timeline event may be marked as one of them, each at most once per post-mortem.
 */
public enum KeyMoment {
    IMPACT_STARTED("Impact started"),
    DETECTED("Detected"),
    ACKNOWLEDGED("Acknowledged"),
    MITIGATED("Mitigated"),
    RESOLVED("Resolved");

    private final String label;

    KeyMoment(String label) {
        this.label = label;
    }

    /** How the moment reads in a document: {@code Impact started}. */
    public String label() {
        return label;
    }
}
