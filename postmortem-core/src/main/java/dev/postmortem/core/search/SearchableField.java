package dev.postmortem.core.search;

import java.util.Objects;

/**
 * One searched text of a post-mortem.
 *
 * @param field where it lives, as the API names it: {@code title}, {@code rootCause},
 *     {@code rootCause.contributingFactors/0}, {@code timeline/{eventId}},
 *     {@code actionItems/{itemId}}, {@code comments/{commentId}}
 * @param text the text as written
 * @param weight how much a match here counts
 */
public record SearchableField(String field, String text, SearchWeight weight) {

    public SearchableField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(weight, "weight");
    }
}
