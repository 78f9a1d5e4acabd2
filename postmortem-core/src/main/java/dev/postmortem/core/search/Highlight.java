package dev.postmortem.core.search;

import java.util.List;
import java.util.Objects;

/**
 * The passage shown with a search hit: plain text, never markup, and where in it the searched
 * words are, so a client marks them up in its own, escaped, way.
 *
 * @param field the searched text the passage comes from ({@link SearchableField#field()})
 * @param text the passage; "…" at either end where the field's text was cut
 * @param matches the searched words' places in {@code text}, in order, not overlapping
 */
public record Highlight(String field, String text, List<Match> matches) {

    public Highlight {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        matches = List.copyOf(matches);
    }

    /** One searched word in the passage, {@code [start, end)} in UTF-16 chars, as JavaScript's strings count. */
    public record Match(int start, int end) {
        public Match {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("not a range: [" + start + ", " + end + ")");
            }
        }
    }
}
