package dev.postmortem.core.review;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.PostMortem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a post-mortem knows (its creator, contributors and action item owners) and how
 * they may appear in its text: an e-mail address or a written-out name ({@code john smith} for
 * {@code john.smith@example.com}) in any case, a single name ({@code Alice}, {@code Smith})
 * only capitalised, since many given names are also words ("max connections", "will").
 * Any e-mail address and any {@code @handle} count as a person too.
 */
public final class People {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}._%+@-])@[\\p{L}][\\p{L}\\p{N}._-]*[\\p{L}\\p{N}]");
    private static final Pattern NAME_PARTS = Pattern.compile("[._+\\-\\s]+");
    private static final int SHORTEST_NAME = 3;

    private final Set<String> fullForms;
    private final Set<String> singleNames;

    private People(Set<String> fullForms, Set<String> singleNames) {
        this.fullForms = fullForms;
        this.singleNames = singleNames;
    }

    static People of(PostMortem postMortem) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(postMortem.createdBy());
        ids.addAll(postMortem.content().contributors());
        postMortem.content().actionItems().stream().map(ActionItem::owner).filter(owner -> owner != null)
                .forEach(ids::add);
        return of(ids);
    }

    /** The people named by these ids (e-mail addresses or names as hosts and owners write them). */
    public static People of(Iterable<String> ids) {
        Set<String> full = new LinkedHashSet<>();
        Set<String> single = new LinkedHashSet<>();
        for (String id : ids) {
            String person = id.strip().toLowerCase(Locale.ROOT);
            int at = person.indexOf('@');
            String name = at > 0 ? person.substring(0, at) : person;
            if (at > 0) {
                full.add(person);
            }
            List<String> parts = List.of(NAME_PARTS.split(name)).stream().filter(part -> !part.isEmpty()).toList();
            if (parts.size() > 1) {
                full.add(String.join(" ", parts));
            }
            parts.stream().filter(part -> part.length() >= SHORTEST_NAME && part.chars().allMatch(Character::isLetter))
                    .forEach(single::add);
        }
        return new People(Set.copyOf(full), Set.copyOf(single));
    }

    /** The first person {@code text} names, as written there, if any. */
    public Optional<String> namedIn(String text) {
        Matcher email = EMAIL.matcher(text);
        if (email.find()) {
            return Optional.of(email.group());
        }
        Matcher handle = HANDLE.matcher(text);
        if (handle.find()) {
            return Optional.of(handle.group());
        }
        for (String form : fullForms) {
            Matcher matcher = Words.phrase(form).matcher(text);
            if (matcher.find()) {
                return Optional.of(text.substring(matcher.start(), matcher.end()));
            }
        }
        Matcher word = Words.WORD.matcher(text);
        while (word.find()) {
            if (isSingleName(word.group())) {
                return Optional.of(word.group());
            }
        }
        return Optional.empty();
    }

    /** Whether one word, as written, is a person: an e-mail address, a handle, or a known name. */
    public boolean isPerson(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return EMAIL.matcher(word).matches() || HANDLE.matcher(word).matches() || fullForms.contains(lower)
                || isSingleName(word);
    }

    private boolean isSingleName(String word) {
        return Character.isUpperCase(word.codePointAt(0)) && singleNames.contains(word.toLowerCase(Locale.ROOT));
    }
}
