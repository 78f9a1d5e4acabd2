package dev.postmortem.benchmarks;

import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Words the seeder adds to each post-mortem's summary, drawn from a vocabulary of {@value #SIZE}
 * with Zipf's law (the word of rank r about 1/r as often as the first), as words are in real
 * texts: with every summary alike, PostgreSQL's statistics on {@code search_words} held only
 * words found in all of them, so it took any other word for one in 200 post-mortems and read the
 * newest-first index for a word in one in 10,000. The words are made of syllables that spell
 * neither the benchmark's rare nor its common word.
 */
final class SeedVocabulary {

    static final int SIZE = 20_000;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "nu", "pe", "ri", "so", "ta", "vu", "wi", "xo",
        "ya", "fe", "gu", "hi", "jo", "bi", "du", "ce", "qa"};
    private static final double[] CUMULATIVE = cumulative();

    private SeedVocabulary() {
    }

    /** {@code count} words for post-mortem {@code n}, the same for the same {@code n}. */
    static String wordsFor(int n, int count) {
        SplittableRandom random = new SplittableRandom(n);
        StringJoiner words = new StringJoiner(" ");
        for (int i = 0; i < count; i++) {
            words.add(word(rank(random.nextDouble())));
        }
        return words.toString();
    }

    private static int rank(double uniform) {
        int low = 0;
        int high = SIZE - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (CUMULATIVE[middle] < uniform) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Rank 0 is "ka", then "lo", ..., "kaka", "kalo", ...: a distinct word per rank. */
    private static String word(int rank) {
        StringBuilder word = new StringBuilder();
        int rest = rank;
        do {
            word.append(SYLLABLES[rest % SYLLABLES.length]);
            rest = rest / SYLLABLES.length - 1;
        } while (rest >= 0);
        return word.toString();
    }

    private static double[] cumulative() {
        double[] cumulative = new double[SIZE];
        double sum = 0;
        for (int rank = 0; rank < SIZE; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < SIZE; rank++) {
            cumulative[rank] /= sum;
        }
        return cumulative;
    }
}
