package dev.postmortem.core.incident;

import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.model.TimelineTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a post-mortem for an incident starts with: its title, the services it affected, its date
 * and its key moments as timeline events, all as an author's input that fills only what the
 * author left absent.
 */
public final class IncidentPrefill {

    private IncidentPrefill() {
    }

    /** The input an incident implies, its times read in {@code zone}. */
    public static PostMortemInput of(Incident incident, ZoneId zone) {
        PostMortemInput.Builder input = PostMortemInput.builder().title(incident.title());
        if (!incident.services().isEmpty()) {
            input.servicesAffected(incident.services());
        }
        Map<KeyMoment, Instant> moments = incident.keyMoments();
        if (!moments.isEmpty()) {
            Instant first = moments.values().stream().min(Instant::compareTo).orElseThrow();
            LocalDate date = LocalDate.ofInstant(first, zone);
            List<TimelineEventInput> events = new ArrayList<>();
            moments.forEach((moment, at) -> events.add(TimelineEventInput.of(
                    TimelineTime.of(at, date, zone).text(), moment.label(), moment)));
            input.incidentDate(date).timeline(events);
        }
        return input.build();
    }
}
