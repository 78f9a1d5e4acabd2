package dev.postmortem.core.review;

/**
 * One check of a post-mortem before it goes to review. The built-in rules are in
 * {@link ReadinessCheck#builtInRules}; a host adds its own (a house style, a required field of
 * its own) through {@link ReadinessCheck.Builder#add}, or as a bean with the Spring starter.
 * A rule reads the document and reports; it never changes it.
 */
public interface ReadinessRule {

    /** A stable id, lower case with dashes ({@code blaming-language}): findings carry it, configuration names it. */
    String id();

    /** The severity of this rule's findings unless the host sets another one. */
    Severity defaultSeverity();

    /** Reports what this rule finds in {@code context}'s post-mortem to {@code findings}. */
    void check(ReadinessContext context, Findings findings);

    /** Where a rule reports: each call is one finding with the rule's id and configured severity. */
    interface Findings {

        /**
         * @param field the path of the part, as in validation errors, or {@code null} for the whole document
         * @param message what was found and why it matters
         * @param suggestion how to put it right, or {@code null}
         */
        void add(String field, String message, String suggestion);
    }
}
