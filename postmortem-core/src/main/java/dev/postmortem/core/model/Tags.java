package dev.postmortem.core.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Free tags, normalised so that "Cache Stampede", "cache-stampede" and " cache  stampede " are
 * one tag: trimmed, lower case, each run of spaces a hyphen, each tag once.
 */
public final class Tags {

    /** Letters and digits, with spaces, dots, hyphens, underscores and slashes between them. */
    public static final String PATTERN = "\\s*[\\p{L}\\p{N}][\\p{L}\\p{N} ._/-]*\\s*";
    public static final String RULE = "must start with a letter or digit and hold only letters, digits, spaces and . _ / -";

    private Tags() {
    }

    public static String normalize(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    public static List<String> normalize(List<String> tags) {
        Set<String> unique = new LinkedHashSet<>();
        tags.forEach(tag -> unique.add(normalize(tag)));
        return List.copyOf(unique);
    }
}
