package dev.postmortem.core.review;

import dev.postmortem.core.review.BlamingPhrases.Phrase;
import dev.postmortem.core.review.BlamingPhrases.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code blaming-language}: phrases that blame people, in any text of the post-mortem.
 *
 * <p>How a subject is read, for phrases that blame only a person: within the clause (text
 * between {@code . ! ? ; :} or a line break), the word next to the phrase, skipping adverbs
 * ("he <i>really</i> should have") before it, is a person when it is a pronoun or role from the
 * list ("he", "someone", "engineer"), a person the post-mortem knows ({@link People}), an e-mail
 * address or {@code @handle}, a possessive of a capitalised word ("Bob's fault"), or a
 * capitalised word that neither starts its clause (every sentence starts with a capital) nor
 * follows an article ("the", "our"); the last two only for English ({@link BlamingPhrases#of} lists
 * leave them out, since other languages capitalise differently). After "should have" and the like, "been" and a past
 * participle is the passive voice and blames nobody: "the deploy should have been gated",
 * "the team should have been paged". So "The deploy should have been gated" and "the alert
 * failed to fire" pass, "He should have checked", "alice forgot to" (a known person) and "the
 * on-call engineer failed to" are found; an unknown name at the start of a sentence ("Bob
 * should have") is not, unless the post-mortem knows Bob.
 */
public final class BlamingLanguageRule extends BuiltInRule {

    /** The rule's id. */
    public static final String ID = "blaming-language";

    private static final Pattern CLAUSE_END = Pattern.compile("[.!?;:\\n]\\s|[!?;:\\n]|\\.$");
    private static final Set<String> ADVERBS = Set.of("really", "clearly", "obviously", "just", "simply", "also",
            "definitely", "probably", "certainly", "surely", "then", "still", "apparently", "evidently", "again",
            "never", "totally", "completely");
    private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("caught", "built", "made", "set", "sent", "run",
            "shown", "told", "taught", "kept", "held", "found", "put", "done", "given", "seen", "shut", "cut",
            "brought", "thought", "rolled");

    private final List<Phrase> phrases;
    private final List<Pattern> patterns;
    private final Set<String> personWords;
    private final Set<String> articles;
    private final boolean capitalisedNames;

    public BlamingLanguageRule(BlamingPhrases phrases) {
        super(ID, Severity.ERROR);
        this.phrases = phrases.phrases();
        this.patterns = this.phrases.stream().map(Phrase::pattern).toList();
        this.personWords = phrases.personWords();
        this.articles = phrases.articles();
        this.capitalisedNames = phrases.capitalisedNames();
    }

    @Override
    public void check(ReadinessContext context, Findings findings) {
        for (WrittenText written : context.texts()) {
            for (int i = 0; i < phrases.size(); i++) {
                Phrase phrase = phrases.get(i);
                Matcher matcher = patterns.get(i).matcher(written.text());
                while (matcher.find()) {
                    if (blames(phrase, written.text(), matcher.start(), matcher.end(), context.people())) {
                        String quoted = written.text().substring(matcher.start(), matcher.end());
                        findings.add(written.field(), "\"" + quoted + "\"" + (phrase.subject() == Subject.ANY
                                ? " blames people rather than explaining what the system allowed."
                                : " is said of a person here: it blames them rather than explaining what"
                                        + " the system allowed."), phrase.suggestion());
                        break;
                    }
                }
            }
        }
    }

    private boolean blames(Phrase phrase, String text, int start, int end, People people) {
        return switch (phrase.subject()) {
            case ANY -> true;
            case PERSON_BEFORE -> !passive(phrase, text, end) && person(wordsBefore(text, start), true, people);
            case PERSON_AFTER -> person(wordsAfter(text, end), false, people);
        };
    }

    // "should have been gated": the subject is what the action is done to, not who failed to do it
    private static boolean passive(Phrase phrase, String text, int end) {
        if (!phrase.words().endsWith(" have") && !phrase.words().endsWith("'ve")) {
            return false;
        }
        List<String> next = wordsAfter(text, end);
        if (next.size() < 2 || !next.get(0).equalsIgnoreCase("been")) {
            return false;
        }
        String participle = next.get(1).toLowerCase(Locale.ROOT);
        return participle.endsWith("ed") || participle.endsWith("en") || IRREGULAR_PARTICIPLES.contains(participle);
    }

    /**
     * @param words the clause's words from the phrase outwards
     * @param before whether they precede the phrase (then adverbs are skipped and the last word starts the clause)
     */
    private boolean person(List<String> words, boolean before, People people) {
        int at = 0;
        while (before && at < words.size() && ADVERBS.contains(words.get(at).toLowerCase(Locale.ROOT))) {
            at++;
        }
        if (at >= words.size()) {
            return false;
        }
        String word = words.get(at);
        boolean possessive = word.endsWith("'s") || word.endsWith("’s");
        String bare = possessive ? word.substring(0, word.length() - 2) : word;
        if (bare.isEmpty()) {
            return false;
        }
        String lower = bare.toLowerCase(Locale.ROOT);
        if (personWords.contains(lower) || people.isPerson(bare)) {
            return true;
        }
        boolean capitalised = Character.isUpperCase(bare.codePointAt(0)) && !bare.equals(bare.toUpperCase(Locale.ROOT));
        if (!capitalised || !capitalisedNames) {
            return false;
        }
        if (possessive) {
            return true;
        }
        boolean startsClause = before ? at == words.size() - 1 : false;
        String neighbour = before ? (at + 1 < words.size() ? words.get(at + 1) : null) : null;
        return !startsClause && (neighbour == null || !articles.contains(neighbour.toLowerCase(Locale.ROOT)));
    }

    /** The words of the clause before {@code start}, nearest first. */
    private static List<String> wordsBefore(String text, int start) {
        String prefix = text.substring(0, start);
        Matcher boundary = CLAUSE_END.matcher(prefix);
        int from = 0;
        while (boundary.find()) {
            from = boundary.end();
        }
        List<String> words = words(prefix.substring(from));
        List<String> reversed = new ArrayList<>(words.size());
        for (int i = words.size() - 1; i >= 0; i--) {
            reversed.add(words.get(i));
        }
        return reversed;
    }

    /** The words of the clause after {@code end}, nearest first. */
    private static List<String> wordsAfter(String text, int end) {
        String suffix = text.substring(end);
        Matcher boundary = CLAUSE_END.matcher(suffix);
        return words(boundary.find() ? suffix.substring(0, boundary.start()) : suffix);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = Words.WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}
