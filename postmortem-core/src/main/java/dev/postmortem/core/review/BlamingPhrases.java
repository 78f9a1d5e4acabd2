package dev.postmortem.core.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The phrases the {@code blaming-language} rule looks for, and the words that make the subject
 * of a phrase a person. {@link #english()} ships; a host replaces it ({@link #of}) for another
 * language or house style, or extends it ({@link #plus}); several languages fit in one list.
 *
 * <p>Some phrases blame whoever they are about ("human error", "careless"): {@link Subject#ANY}.
 * Others are blaming only when a person is their subject: "he should have checked" blames,
 * "the deploy should have been gated" asks for a system to change. Those are
 * {@link Subject#PERSON_BEFORE} ("should have", "failed to", "forgot to") and
 * {@link Subject#PERSON_AFTER} ("fault of"); see {@link BlamingLanguageRule} for how a subject
 * is read.
 */
public final class BlamingPhrases {

    /** Whose phrase it must be to blame. */
    public enum Subject {
        /** Always blaming, whatever it is about. */
        ANY,
        /** Blaming when the word before it is a person: "<b>he</b> forgot to". */
        PERSON_BEFORE,
        /** Blaming when the word after it is a person: "the fault of <b>Bob</b>". */
        PERSON_AFTER
    }

    /**
     * @param words the phrase, words separated by single spaces, matched whole and in any case;
     *              {@code '} also matches {@code ’}
     * @param subject when it blames
     * @param suggestion a systems-focused way to say it
     */
    public record Phrase(String words, Subject subject, String suggestion) {

        public Phrase {
            Objects.requireNonNull(words, "words");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(suggestion, "suggestion");
            words = words.strip().replaceAll("\\s+", " ");
            if (words.isEmpty()) {
                throw new IllegalArgumentException("a blaming phrase needs words");
            }
        }

        Pattern pattern() {
            return Words.phrase(words);
        }
    }

    private static final String SYSTEMS = "Describe what made it possible or likely (a missing check, an unclear"
            + " runbook, a risky default, time pressure), not the person.";
    private static final String MODAL = "Say what the system lacked that would have caught it, e.g. \"the deploy"
            + " pipeline had no check for ...\", not what someone should have done.";
    private static final String JUDGEMENT = "Leave out judgements of people; state the facts and the conditions"
            + " that allowed them.";
    private static final String PUNISHMENT = "A post-mortem looks for fixes, not for culprits: turn this into an"
            + " action item that changes the system.";
    private static final String CAUSE = "Name the change or the condition that caused it (\"the schema change"
            + " locked the table\"), not who made it.";

    private static final List<String> ENGLISH_PERSON_WORDS = List.of("i", "me", "he", "him", "she", "her", "his",
            "hers", "my", "your", "you", "someone", "somebody", "anyone", "anybody", "person", "engineer",
            "engineers", "developer", "developers", "dev", "operator", "operators", "admin", "administrator",
            "sre", "on-call", "oncall", "intern", "reviewer", "author", "employee", "staff", "colleague",
            "teammate", "contractor");

    private static final Set<String> ENGLISH_ARTICLES = Set.of("the", "a", "an", "this", "that", "these", "those",
            "our", "its", "their", "every", "each", "no", "any", "some");

    private final List<Phrase> phrases;
    private final Set<String> personWords;
    private final Set<String> articles;
    private final boolean capitalisedNames;

    private BlamingPhrases(List<Phrase> phrases, Set<String> personWords, Set<String> articles,
                           boolean capitalisedNames) {
        this.phrases = List.copyOf(phrases);
        this.personWords = Set.copyOf(personWords);
        this.articles = Set.copyOf(articles);
        this.capitalisedNames = capitalisedNames;
    }

    /**
     * Replaces the built-in list: {@code phrases}, with {@code personWords} (any case) as the
     * words that are people. A capitalised word is not taken for a name here, as it is in
     * English (German capitalises every noun): the subjects that count are the person words and
     * the people the post-mortem knows.
     */
    public static BlamingPhrases of(List<Phrase> phrases, Set<String> personWords) {
        return new BlamingPhrases(phrases, personWords.stream().map(word -> word.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet()), Set.of(), false);
    }

    /** This list with {@code more} phrases and {@code morePersonWords} added. */
    public BlamingPhrases plus(List<Phrase> more, Set<String> morePersonWords) {
        List<Phrase> all = new ArrayList<>(phrases);
        all.addAll(more);
        Set<String> words = new java.util.HashSet<>(personWords);
        morePersonWords.forEach(word -> words.add(word.toLowerCase(Locale.ROOT)));
        return new BlamingPhrases(all, words, articles, capitalisedNames);
    }

    /** The phrases, in the order findings are reported. */
    public List<Phrase> phrases() {
        return phrases;
    }

    /** Words (lower case) that make a phrase's subject a person: pronouns and roles. */
    public Set<String> personWords() {
        return personWords;
    }

    /** The words after which a capitalised word is a thing, not a name ("the Deploy"); English: articles, "our". */
    Set<String> articles() {
        return articles;
    }

    /** Whether a capitalised word inside a sentence counts as a person's name, as in English. */
    boolean capitalisedNames() {
        return capitalisedNames;
    }

    /** The built-in English list. */
    public static BlamingPhrases english() {
        List<Phrase> list = new ArrayList<>();
        any(list, SYSTEMS, "human error", "operator error", "user error", "pilot error", "careless", "carelessly",
                "carelessness", "not paying attention", "didn't pay attention", "did not pay attention",
                "rookie mistake", "should have known better");
        any(list, JUDGEMENT, "screwed up", "screw up", "screws up", "screw-up", "messed up", "negligent",
                "negligence", "negligently", "incompetent", "incompetence", "lazy", "sloppy", "stupid", "dumb",
                "idiot", "idiotic", "reckless", "irresponsible", "clumsy", "to blame", "blamed");
        any(list, PUNISHMENT, "punish", "punished", "punishment", "be fired", "disciplinary", "reprimand",
                "reprimanded");
        before(list, MODAL, "should have", "shouldn't have", "should not have", "should've", "failed to",
                "forgot to", "neglected to", "didn't bother", "did not bother", "didn't check", "did not check",
                "didn't test", "did not test", "ignored", "overlooked");
        before(list, CAUSE, "caused", "broke", "made a mistake", "made an error", "mistakenly", "accidentally",
                "fault");
        list.add(new Phrase("fault of", Subject.PERSON_AFTER, CAUSE));
        return new BlamingPhrases(list, Set.copyOf(ENGLISH_PERSON_WORDS), ENGLISH_ARTICLES, true);
    }

    private static void any(List<Phrase> list, String suggestion, String... words) {
        for (String phrase : words) {
            list.add(new Phrase(phrase, Subject.ANY, suggestion));
        }
    }

    private static void before(List<Phrase> list, String suggestion, String... words) {
        for (String phrase : words) {
            list.add(new Phrase(phrase, Subject.PERSON_BEFORE, suggestion));
        }
    }
}
