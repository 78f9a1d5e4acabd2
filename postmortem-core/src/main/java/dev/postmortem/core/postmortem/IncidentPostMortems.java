package dev.postmortem.core.postmortem;

import dev.postmortem.core.incident.Incident;
import java.util.List;
import java.util.Objects;

/** An incident of the host's catalog with the post-mortems written for it that the caller may see. */
public record IncidentPostMortems(Incident incident, List<PostMortemSummary> postMortems) {

    public IncidentPostMortems {
        Objects.requireNonNull(incident, "incident");
        postMortems = List.copyOf(postMortems);
    }
}
