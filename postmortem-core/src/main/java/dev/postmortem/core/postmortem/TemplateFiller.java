package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.template.Template;
import java.time.LocalDate;
import java.util.List;

/**
 * Applies a template to the input of a new post-mortem: the template's values fill what the
 * author left empty, and nothing the author wrote is overwritten.
 */
final class TemplateFiller {

    private TemplateFiller() {
    }

    static PostMortemInput fill(PostMortemInput input, Template template, LocalDate today) {
        if (template == null) {
            return input;
        }
        String incidentId = input.incidentId().value();
        String title = template.titleFor(incidentId == null ? "" : incidentId.strip(), today.toString());
        PostMortemInput fromTemplate = PostMortemInput.builder().title(title).build().withDefaults(template.prefill());
        return input.withDefaults(fromTemplate);
    }

    static List<String> ids(List<Template> templates) {
        return templates.stream().map(Template::id).toList();
    }
}
