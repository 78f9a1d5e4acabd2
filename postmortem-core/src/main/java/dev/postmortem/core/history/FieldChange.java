package dev.postmortem.core.history;

/**
 * One field a write changed. {@code field} is the document's field name ({@code title},
 * {@code status}), or an element's path ({@code timeline/{eventId}}, {@code actionItems/{itemId}},
 * {@code approvals/{reviewer}}); an added element has no {@code before}, a removed one no
 * {@code after}.
 */
public record FieldChange(String field, Object before, Object after) {
}
