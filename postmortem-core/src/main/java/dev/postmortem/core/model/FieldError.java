package dev.postmortem.core.model;

/**
 * One thing wrong with the input.
 *
 * @param field the path of the offending value as it appears in the JSON document,
 *     such as {@code title} or {@code actionItems[1].priority}
 * @param message what is wrong, for a person
 */
public record FieldError(String field, String message) {
}
