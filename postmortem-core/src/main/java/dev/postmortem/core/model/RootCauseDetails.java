package dev.postmortem.core.model;

import java.util.List;

/**
 * The root cause in the terms the spec asks for, beside its free text; each part optional.
 *
 * @param contributingFactors the conditions that together made the incident possible
 * @param whyNotCaughtEarlier why tests, reviews or monitoring did not catch it
 * @param lessonsLearned what the team takes away
 */
public record RootCauseDetails(List<String> contributingFactors, String whyNotCaughtEarlier,
                               List<String> lessonsLearned) {

    public static final RootCauseDetails NONE = new RootCauseDetails(List.of(), null, List.of());

    public RootCauseDetails {
        contributingFactors = contributingFactors == null ? List.of() : List.copyOf(contributingFactors);
        lessonsLearned = lessonsLearned == null ? List.of() : List.copyOf(lessonsLearned);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
