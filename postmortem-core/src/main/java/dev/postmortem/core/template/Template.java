package dev.postmortem.core.template;

import dev.postmortem.core.model.ActionItemInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A starting point for a post-mortem of one kind of incident: a title pattern, the questions
 * each section should answer (shown to the author, never stored as the post-mortem's text), the
 * events such incidents usually have (suggestions without times) and the action items that
 * usually follow. Creating a post-mortem from it writes the title and the action items, and
 * only where the author left them absent.
 *
 * @param title a pattern in which {@code {incidentId}}, {@code {incidentTitle}} and {@code {date}}
 *     (the incident's date, else the creation date, ISO) are replaced; a part between
 *     {@code " - "} whose placeholder has no value is left out
 */
public record Template(String id, String name, String description, String title, TemplateHints hints,
                       List<SuggestedEvent> timeline, List<ActionItemInput> actionItems) {

    private static final String SEPARATOR = " - ";

    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        hints = hints == null ? TemplateHints.NONE : hints;
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    }

    /** The title pattern with its placeholders filled in, and the parts whose value is missing left out. */
    public String titleFor(String incidentId, String incidentTitle, LocalDate date) {
        Map<String, String> values = Map.of("{incidentId}", blankToEmpty(incidentId),
                "{incidentTitle}", blankToEmpty(incidentTitle), "{date}", date == null ? "" : date.toString());
        List<String> parts = new ArrayList<>();
        for (String part : title.split(SEPARATOR, -1)) {
            String filled = part;
            boolean missing = false;
            for (Map.Entry<String, String> value : values.entrySet()) {
                if (filled.contains(value.getKey())) {
                    missing |= value.getValue().isEmpty();
                    filled = filled.replace(value.getKey(), value.getValue());
                }
            }
            if (!missing && !filled.isBlank()) {
                parts.add(filled.strip());
            }
        }
        return parts.isEmpty() ? name : String.join(SEPARATOR, parts);
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
