package dev.postmortem.core.template;

import dev.postmortem.core.model.PostMortemInput;
import java.util.Objects;

/**
 * A starting point for a post-mortem of one kind of incident: a title pattern, guiding text
 * for each section, the events such incidents usually have, and the action items that
 * usually follow, written as an author's input. Applying it fills only what the author left
 * empty.
 *
 * @param prefill what the template writes; its title is a pattern in which {@code {incidentId}}
 *     and {@code {date}} (the creation date, ISO) are replaced when the template is applied
 */
public record Template(String id, String name, String description, PostMortemInput prefill) {

    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefill, "prefill");
        if (prefill.title().value() == null || prefill.summary().value() == null) {
            throw new IllegalArgumentException("a template writes at least a title pattern and a summary");
        }
    }

    /** The title pattern with its placeholders filled in. */
    public String titleFor(String incidentId, String date) {
        return prefill.title().value().replace("{incidentId}", incidentId).replace("{date}", date);
    }
}
