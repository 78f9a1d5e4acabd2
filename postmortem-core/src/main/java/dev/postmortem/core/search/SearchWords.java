package dev.postmortem.core.search;

import java.util.ArrayList;
import java.util.List;

/** The words of a search: {@code q} split at white space; a post-mortem matches when it holds every one. */
public final class SearchWords {

    private SearchWords() {
    }

    public static List<String> of(String q) {
        List<String> words = new ArrayList<>();
        if (q != null) {
            for (String word : q.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** Whether {@code text} holds {@code word}, in any case, anywhere (as H2's LIKE finds it). */
    public static boolean contains(String text, String word) {
        return indexOf(text, word, 0) >= 0;
    }

    /**
     * Where {@code word} occurs in {@code text} from {@code from} on, in any case, or -1.
     * Compared char by char, so offsets stay offsets into {@code text} even where lower-casing
     * would change a string's length.
     */
    static int indexOf(String text, String word, int from) {
        for (int i = Math.max(0, from); i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return -1;
    }
}
