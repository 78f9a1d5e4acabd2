package dev.postmortem.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An action item as an author writes it: whole for a new item, or only the fields to change.
 * {@code owner} and {@code dueDate} set to {@code null} are removed; {@code status} and
 * {@code priority} set to {@code null} go back to TODO and MEDIUM.
 *
 * @param id {@code null} for a new item; the id of an existing item to keep it
 */
public record ActionItemInput(
        UUID id,
        Change<@NotBlank(message = "must not be blank") @StorableText
               @Size(max = Limits.ITEM_DESCRIPTION, message = "must be at most {max} characters") String> description,
        Change<@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank; leave it out for unassigned")
               @StorableText @Size(max = Limits.OWNER, message = "must be at most {max} characters") String> owner,
        Change<ActionItemStatus> status,
        Change<Priority> priority,
        Change<@SupportedDate LocalDate> dueDate) implements ElementInput<ActionItem> {

    /** The status of an item that names none. */
    public static final ActionItemStatus DEFAULT_STATUS = ActionItemStatus.TODO;

    /** The priority of an item that names none. */
    public static final Priority DEFAULT_PRIORITY = Priority.MEDIUM;

    public ActionItemInput {
        description = Change.nonNull(description);
        owner = Change.nonNull(owner);
        status = Change.nonNull(status);
        priority = Change.nonNull(priority);
        dueDate = Change.nonNull(dueDate);
    }

    /** A whole item. */
    public ActionItemInput(UUID id, String description, String owner, ActionItemStatus status, Priority priority,
                           LocalDate dueDate) {
        this(id, Change.to(description), Change.to(owner), Change.to(status), Change.to(priority),
                Change.to(dueDate));
    }

    public static ActionItemInput of(String description, String owner, Priority priority, LocalDate dueDate) {
        return new ActionItemInput(null, description, owner, null, priority, dueDate);
    }

    /** Changes nothing; add what to change with the methods named after the fields. */
    public static ActionItemInput none() {
        return new ActionItemInput(null, Change.absent(), Change.absent(), Change.absent(), Change.absent(),
                Change.absent());
    }

    public ActionItemInput description(String value) {
        return new ActionItemInput(id, Change.to(value), owner, status, priority, dueDate);
    }

    public ActionItemInput owner(String value) {
        return new ActionItemInput(id, description, Change.to(value), status, priority, dueDate);
    }

    public ActionItemInput status(ActionItemStatus value) {
        return new ActionItemInput(id, description, owner, Change.to(value), priority, dueDate);
    }

    public ActionItemInput priority(Priority value) {
        return new ActionItemInput(id, description, owner, status, Change.to(value), dueDate);
    }

    public ActionItemInput dueDate(LocalDate value) {
        return new ActionItemInput(id, description, owner, status, priority, Change.to(value));
    }

    @Override
    public ActionItemInput whole() {
        return new ActionItemInput(id, description.orNull(), owner.orNull(), status.orNull(), priority.orNull(),
                dueDate.orNull());
    }

    @Override
    public ActionItem create(UUID newId) {
        return new ActionItem(newId, description.value().strip(), strip(owner.value()),
                orDefault(status.value()), orDefault(priority.value()), dueDate.value());
    }

    @Override
    public ActionItem applyTo(ActionItem current) {
        return new ActionItem(current.id(),
                description.map(String::strip).orElse(current.description()),
                owner.map(ActionItemInput::strip).orElse(current.owner()),
                status.map(ActionItemInput::orDefault).orElse(current.status()),
                priority.map(ActionItemInput::orDefault).orElse(current.priority()),
                dueDate.orElse(current.dueDate()));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static ActionItemStatus orDefault(ActionItemStatus status) {
        return status == null ? DEFAULT_STATUS : status;
    }

    private static Priority orDefault(Priority priority) {
        return priority == null ? DEFAULT_PRIORITY : priority;
    }
}
