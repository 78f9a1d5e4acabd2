package dev.postmortem.core.search;

/**
 * How much a word found in a text counts for the ranking, PostgreSQL's four weights: the
 * title most, comments least. H2 scores a match by {@link #points()}.
 */
public enum SearchWeight {
    /** The title. */
    A(8),
    /** Summary and root cause: what the incident was and why. */
    B(4),
    /** Everything else the document holds: impact, sub-sections, timeline, action items. */
    C(2),
    /** Review comments. */
    D(1);

    private final int points;

    SearchWeight(int points) {
        this.points = points;
    }

    /** A match's score where the database has no ranking of its own. */
    public int points() {
        return points;
    }
}
