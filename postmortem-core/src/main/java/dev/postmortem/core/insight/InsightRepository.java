package dev.postmortem.core.insight;

/**
 * The port that computes {@link Insights} where the post-mortems are stored, with aggregate
 * queries: a storage that had to load documents to answer would not scale to the post-mortems
 * of years.
 */
public interface InsightRepository {

    Insights insights(InsightQuery query);
}
