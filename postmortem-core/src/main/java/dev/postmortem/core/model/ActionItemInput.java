package dev.postmortem.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An action item as an author writes it.
 *
 * @param id {@code null} for a new item; the id of an existing item to keep it
 * @param owner who is responsible; {@code null} for unassigned
 * @param status {@code null} means TODO
 * @param priority {@code null} means MEDIUM
 * @param dueDate {@code null} when no date was agreed
 */
public record ActionItemInput(
        UUID id,
        @NotBlank(message = "must not be blank") @StorableText
        @Size(max = Limits.ITEM_DESCRIPTION, message = "must be at most {max} characters") String description,
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank; leave it out for unassigned") @StorableText
        @Size(max = Limits.OWNER, message = "must be at most {max} characters") String owner,
        ActionItemStatus status,
        Priority priority,
        @SupportedDate LocalDate dueDate) {

    public static ActionItemInput of(String description, String owner, Priority priority, LocalDate dueDate) {
        return new ActionItemInput(null, description, owner, null, priority, dueDate);
    }
}
