/**
 * Figures across post-mortems for a date range, as the caller may see them: counts by status,
 * how fast incidents were detected, acknowledged, mitigated and resolved, how action items are
 * followed through, how soon post-mortems are published, and what keeps coming back. The
 * repository computes them in the database ({@link dev.postmortem.core.insight.InsightRepository});
 * nothing here loads a document.
 */
package dev.postmortem.core.insight;
