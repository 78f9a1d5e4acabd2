package dev.postmortem.core.review;

import java.util.Objects;

/**
 * One thing a readiness rule noticed in a post-mortem.
 *
 * @param rule the id of the rule that found it, such as {@code blaming-language}
 * @param severity ERROR blocks the move to review, WARNING only informs
 * @param field the path of the part it is about, as in validation errors ({@code rootCause},
 *              {@code timeline[2].description}); {@code null} for the document as a whole
 * @param message what was found and why it matters
 * @param suggestion how to put it right, {@code null} when the message says it all
 */
public record Finding(String rule, Severity severity, String field, String message, String suggestion) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
