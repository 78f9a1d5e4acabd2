package dev.postmortem.core.template;

import dev.postmortem.core.model.Priority;
import java.util.List;
import java.util.Objects;

/**
 * A starting point for a post-mortem of one kind of incident: a title pattern, guiding text
 * for each section, the events such incidents usually have, and the action items that
 * usually follow. Applying it fills only what the author left empty.
 *
 * @param title the title pattern; {@code {incidentId}} and {@code {date}} (the creation date,
 *     ISO) are replaced when the template is applied
 */
public record Template(String id, String name, String description, String title, String summary,
                       String impact, String rootCause, List<Event> timeline, List<Item> actionItems) {

    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        timeline = List.copyOf(timeline);
        actionItems = List.copyOf(actionItems);
    }

    /** A typical timeline entry; {@code time} is an example time of day the author replaces. */
    public record Event(String time, String description) {
    }

    /** A standard follow-up; unassigned until the author names an owner. */
    public record Item(String description, Priority priority) {
    }
}
