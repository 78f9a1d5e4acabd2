package dev.postmortem.core.search;

import dev.postmortem.core.search.Highlight.Match;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the passage shown with a hit: the first searched text (in {@link SearchableText}'s
 * order) that holds a searched word, cut to about {@value #PASSAGE} characters around it.
 */
public final class Highlighter {

    /** The longest passage, in chars, besides the "…" marks. */
    static final int PASSAGE = 200;
    /** How much text a cut passage keeps before its first match. */
    private static final int LEAD = 60;
    private static final String CUT = "…";

    private Highlighter() {
    }

    /**
     * The passage, or empty when no text holds a word. A database that stems words (PostgreSQL
     * with a language) finds "deployed" for "deploying"; such a word is looked for again
     * without up to three of its last letters.
     */
    public static Optional<Highlight> highlight(List<String> words, List<SearchableField> fields) {
        Optional<Highlight> exact = exact(words, fields);
        return exact.isPresent() ? exact : exact(shortened(words), fields);
    }

    /** The passage where a word occurs as typed (in any case), or empty. */
    public static Optional<Highlight> exact(List<String> words, List<SearchableField> fields) {
        for (SearchableField field : fields) {
            int first = firstMatch(field.text(), words);
            if (first >= 0) {
                return Optional.of(passage(field, first, words));
            }
        }
        return Optional.empty();
    }

    private static Highlight passage(SearchableField field, int first, List<String> words) {
        String text = field.text();
        if (text.length() <= PASSAGE) {
            return new Highlight(field.field(), text, matches(text, words));
        }
        int start = first <= LEAD ? 0 : wordStart(text, first - LEAD);
        int end = Math.min(text.length(), start + PASSAGE);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > first ? space : end;
        }
        String passage = (start > 0 ? CUT : "") + text.substring(start, end).strip()
                + (end < text.length() ? CUT : "");
        return new Highlight(field.field(), passage, matches(passage, words));
    }

    /** The start of the word at or after {@code at}, so that a passage does not begin mid-word. */
    private static int wordStart(String text, int at) {
        int space = text.indexOf(' ', at);
        return space < 0 || space >= at + LEAD ? at : space + 1;
    }

    private static int firstMatch(String text, List<String> words) {
        int first = -1;
        for (String word : words) {
            int at = SearchWords.indexOf(text, word, 0);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static List<Match> matches(String text, List<String> words) {
        List<Match> found = new ArrayList<>();
        for (String word : words) {
            for (int at = SearchWords.indexOf(text, word, 0); at >= 0;
                 at = SearchWords.indexOf(text, word, at + word.length())) {
                found.add(new Match(at, at + word.length()));
            }
        }
        found.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end));
        List<Match> merged = new ArrayList<>();
        for (Match match : found) {
            Match last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && match.start() <= last.end()) {
                merged.set(merged.size() - 1, new Match(last.start(), Math.max(last.end(), match.end())));
            } else {
                merged.add(match);
            }
        }
        return merged;
    }

    private static List<String> shortened(List<String> words) {
        List<String> stems = new ArrayList<>();
        for (String word : words) {
            for (int length = word.length() - 1; length >= Math.max(4, word.length() - 3); length--) {
                stems.add(word.substring(0, length));
            }
        }
        return stems;
    }
}
