package dev.postmortem.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An action item as an author writes it: whole for a new item, or only the fields to change.
 * {@code owner}, {@code dueDate} and the tracker link set to {@code null} are removed;
 * {@code status} and {@code priority} set to {@code null} go back to TODO and MEDIUM.
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
        Change<@SupportedDate LocalDate> dueDate,
        Change<@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank; leave it out for none")
               @StorableText @Size(max = Limits.TRACKER_KEY, message = "must be at most {max} characters") String>
                trackerKey,
        Change<@HttpUrl @StorableText @Size(max = Limits.TRACKER_URL, message = "must be at most {max} characters")
               String> trackerUrl) implements ElementInput<ActionItem> {

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
        trackerKey = Change.nonNull(trackerKey);
        trackerUrl = Change.nonNull(trackerUrl);
    }

    /** An input of the five fields an author had before tracker links; the links absent. */
    public ActionItemInput(UUID id, Change<String> description, Change<String> owner, Change<ActionItemStatus> status,
                           Change<Priority> priority, Change<LocalDate> dueDate) {
        this(id, description, owner, status, priority, dueDate, Change.absent(), Change.absent());
    }

    /** A whole item. */
    public ActionItemInput(UUID id, String description, String owner, ActionItemStatus status, Priority priority,
                           LocalDate dueDate) {
        this(id, Change.to(description), Change.to(owner), Change.to(status), Change.to(priority),
                Change.to(dueDate), Change.to(null), Change.to(null));
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
        return new ActionItemInput(id, Change.to(value), owner, status, priority, dueDate, trackerKey, trackerUrl);
    }

    public ActionItemInput owner(String value) {
        return new ActionItemInput(id, description, Change.to(value), status, priority, dueDate, trackerKey,
                trackerUrl);
    }

    public ActionItemInput status(ActionItemStatus value) {
        return new ActionItemInput(id, description, owner, Change.to(value), priority, dueDate, trackerKey,
                trackerUrl);
    }

    public ActionItemInput priority(Priority value) {
        return new ActionItemInput(id, description, owner, status, Change.to(value), dueDate, trackerKey,
                trackerUrl);
    }

    public ActionItemInput dueDate(LocalDate value) {
        return new ActionItemInput(id, description, owner, status, priority, Change.to(value), trackerKey,
                trackerUrl);
    }

    /** Links the item to its tracker; {@code null}s remove the link. */
    public ActionItemInput tracker(String key, String url) {
        return new ActionItemInput(id, description, owner, status, priority, dueDate, Change.to(key), Change.to(url));
    }

    @Override
    public ActionItemInput whole() {
        return new ActionItemInput(id, description.orNull(), owner.orNull(), status.orNull(), priority.orNull(),
                dueDate.orNull(), trackerKey.orNull(), trackerUrl.orNull());
    }

    @Override
    public ActionItem create(UUID newId) {
        return new ActionItem(newId, description.value().strip(), strip(owner.value()),
                orDefault(status.value()), orDefault(priority.value()), dueDate.value(), strip(trackerKey.value()),
                strip(trackerUrl.value()));
    }

    @Override
    public ActionItem applyTo(ActionItem current) {
        return new ActionItem(current.id(),
                description.map(String::strip).orElse(current.description()),
                owner.map(ActionItemInput::strip).orElse(current.owner()),
                status.map(ActionItemInput::orDefault).orElse(current.status()),
                priority.map(ActionItemInput::orDefault).orElse(current.priority()),
                dueDate.orElse(current.dueDate()),
                trackerKey.map(ActionItemInput::strip).orElse(current.trackerKey()),
                trackerUrl.map(ActionItemInput::strip).orElse(current.trackerUrl()));
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
