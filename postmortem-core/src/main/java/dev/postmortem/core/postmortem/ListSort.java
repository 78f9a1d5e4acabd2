package dev.postmortem.core.postmortem;

/** The order of the listing. */
public enum ListSort {
    /** Newest first by creation: the default, keyset-paged however deep. */
    NEWEST,
    /**
     * Best match of {@code q} first (PostgreSQL's {@code ts_rank} over weighted texts; on H2 a
     * score from where each word occurs), then newest first. Paged by position, up to
     * {@link #MAX_RELEVANCE_HITS} hits.
     */
    RELEVANCE;

    /** How deep relevance pages go: a ranked search reads every hit before its first page. */
    public static final int MAX_RELEVANCE_HITS = 10_000;
}
