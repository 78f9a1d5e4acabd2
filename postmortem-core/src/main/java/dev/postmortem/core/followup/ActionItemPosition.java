package dev.postmortem.core.followup;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.Priority;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * Where a page of action items ends, in their order: due date (none last), priority (HIGH
 * first), id.
 *
 * @param dueDate {@code null} for an item without one
 */
public record ActionItemPosition(LocalDate dueDate, Priority priority, UUID id) {

    /**
     * The order of the list of action items. Ids compare as databases compare UUIDs, by their
     * bytes, which their text orders like; {@link UUID#compareTo} compares signed longs.
     */
    public static final Comparator<ActionItemPosition> ORDER = Comparator
            .comparing(ActionItemPosition::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ActionItemPosition::priority)
            .thenComparing(position -> position.id().toString());

    public static ActionItemPosition of(ActionItem item) {
        return new ActionItemPosition(item.dueDate(), item.priority(), item.id());
    }
}
