package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.template.Template;
import java.time.LocalDate;
import java.util.List;

/**
 * Applies a template to a create command: the template's values fill what the author left
 * empty, and nothing the author wrote is overwritten.
 */
final class TemplateFiller {

    private TemplateFiller() {
    }

    static PostMortemInput fill(CreatePostMortemCommand command, Template template, LocalDate today) {
        if (template == null) {
            return new PostMortemInput(command.incidentId(), command.title(), command.summary(), command.impact(),
                    command.rootCause(), command.timeline(), command.actionItems(), command.contributors());
        }
        String incidentId = command.incidentId();
        String titleFromPattern = template.title()
                .replace("{incidentId}", incidentId == null ? "" : incidentId.strip())
                .replace("{date}", today.toString());
        return new PostMortemInput(
                incidentId,
                orElse(command.title(), titleFromPattern),
                orElse(command.summary(), template.summary()),
                orElse(command.impact(), template.impact()),
                orElse(command.rootCause(), template.rootCause()),
                command.timeline().isEmpty()
                        ? template.timeline().stream()
                                .map(e -> TimelineEventInput.of(e.time(), e.description())).toList()
                        : command.timeline(),
                command.actionItems().isEmpty()
                        ? template.actionItems().stream()
                                .map(i -> ActionItemInput.of(i.description(), null, i.priority(), null)).toList()
                        : command.actionItems(),
                command.contributors());
    }

    private static String orElse(String written, String fromTemplate) {
        return written == null || written.isBlank() ? fromTemplate : written;
    }

    static List<String> ids(List<Template> templates) {
        return templates.stream().map(Template::id).toList();
    }
}
