package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Priority;
import java.time.LocalDate;

/**
 * A merge update of one action item: unset fields stay as they are; {@code owner} and
 * {@code dueDate} set to {@code null} are removed.
 */
public final class ActionItemChanges {

    private final ActionItemInput values;
    private final int present;

    private static final int DESCRIPTION = 1;
    private static final int OWNER = 2;
    private static final int STATUS = 4;
    private static final int PRIORITY = 8;
    private static final int DUE_DATE = 16;

    private ActionItemChanges(ActionItemInput values, int present) {
        this.values = values;
        this.present = present;
    }

    public static ActionItemChanges none() {
        return new ActionItemChanges(new ActionItemInput(null, null, null, null, null, null), 0);
    }

    public ActionItemChanges description(String value) {
        return new ActionItemChanges(new ActionItemInput(null, value, values.owner(), values.status(),
                values.priority(), values.dueDate()), present | DESCRIPTION);
    }

    public ActionItemChanges owner(String value) {
        return new ActionItemChanges(new ActionItemInput(null, values.description(), value, values.status(),
                values.priority(), values.dueDate()), present | OWNER);
    }

    public ActionItemChanges status(ActionItemStatus value) {
        return new ActionItemChanges(new ActionItemInput(null, values.description(), values.owner(), value,
                values.priority(), values.dueDate()), present | STATUS);
    }

    public ActionItemChanges priority(Priority value) {
        return new ActionItemChanges(new ActionItemInput(null, values.description(), values.owner(),
                values.status(), value, values.dueDate()), present | PRIORITY);
    }

    public ActionItemChanges dueDate(LocalDate value) {
        return new ActionItemChanges(new ActionItemInput(null, values.description(), values.owner(),
                values.status(), values.priority(), value), present | DUE_DATE);
    }

    ActionItemInput applyTo(ActionItemInput current) {
        return new ActionItemInput(current.id(),
                set(DESCRIPTION) ? values.description() : current.description(),
                set(OWNER) ? values.owner() : current.owner(),
                set(STATUS) ? values.status() : current.status(),
                set(PRIORITY) ? values.priority() : current.priority(),
                set(DUE_DATE) ? values.dueDate() : current.dueDate());
    }

    private boolean set(int field) {
        return (present & field) != 0;
    }
}
