package dev.postmortem.core.postmortem;

import dev.postmortem.core.incident.Incident;
import dev.postmortem.core.incident.IncidentPrefill;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.template.Template;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Fills the input of a new post-mortem from its incident and its template, once: only the
 * fields the author left absent, so nothing the author wrote (an empty text or list included) is
 * replaced. The template's title pattern wins over the incident's title; its hints are never
 * written.
 */
final class TemplateFiller {

    private TemplateFiller() {
    }

    static PostMortemInput fill(PostMortemInput input, Template template, Incident incident, Instant now) {
        ZoneId zone = zoneOf(input);
        PostMortemInput fromIncident = incident == null ? PostMortemInput.builder().build()
                : IncidentPrefill.of(incident, zone);
        if (template == null) {
            return input.withDefaults(fromIncident);
        }
        LocalDate date = input.incidentDate().isSet() ? input.incidentDate().value()
                : fromIncident.incidentDate().value();
        String title = template.titleFor(input.incidentId().value(), incident == null ? null : incident.title(),
                date == null ? LocalDate.ofInstant(now, zone) : date);
        PostMortemInput fromTemplate = PostMortemInput.builder().title(title).actionItems(template.actionItems())
                .build();
        return input.withDefaults(fromTemplate.withDefaults(fromIncident));
    }

    // A zone the author got wrong is reported by validation; the prefill reads the default meanwhile.
    private static ZoneId zoneOf(PostMortemInput input) {
        String zone = input.timeZone().value();
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone) ? ZoneId.of(zone)
                : PostMortemContent.DEFAULT_TIME_ZONE;
    }

    static List<String> ids(List<Template> templates) {
        return templates.stream().map(Template::id).toList();
    }
}
