package dev.postmortem.core.insight;

import java.util.Locale;

/** What the figures are grouped by; a post-mortem with two services or tags counts in each of their groups. */
public enum InsightGrouping {
    /** The month of the post-mortem's day ({@code 2025-01}). */
    MONTH,
    /** Each service its impact names, lower-cased. */
    SERVICE,
    /** Each of its tags. */
    TAG,
    /** Its root-cause category; {@code null} key for none. */
    CATEGORY,
    /** The template it was started from; {@code null} key for none. */
    TEMPLATE;

    /** As the API names it: {@code month}, {@code service}, ... */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
