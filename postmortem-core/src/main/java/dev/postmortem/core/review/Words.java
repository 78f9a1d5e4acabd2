package dev.postmortem.core.review;

import java.util.regex.Pattern;

/** Words and phrases in written text, matched whole: "fault" is not in "default". */
final class Words {

    /** A word as the rules read one: letters and digits, with inner apostrophes, dots, @ and dashes. */
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}@](?:[\\p{L}\\p{N}'’._@-]*[\\p{L}\\p{N}])?");

    private Words() {
    }

    /** A pattern finding {@code phrase} (words separated by single spaces) as whole words, in any case and spacing. */
    static Pattern phrase(String phrase) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] words = phrase.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[i]).replace("'", "\\E['’]\\Q"));
        }
        return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
