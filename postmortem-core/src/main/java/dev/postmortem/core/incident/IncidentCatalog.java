package dev.postmortem.core.incident;

import dev.postmortem.core.access.Actor;
import java.util.List;
import java.util.Optional;

/**
 * The host platform's incidents, as the calling actor may see them: the host owns incidents and
 * decides which of them an actor sees (its tenant, and any rule of its own). Without a catalog
 * the incident id of a post-mortem is free text.
 */
public interface IncidentCatalog {

    /** The incident {@code incidentId}, or empty when it does not exist or {@code actor} may not see it. */
    Optional<Incident> find(Actor actor, String incidentId);

    /**
     * Incidents whose id, title or services match {@code text} (all of them, most recent first,
     * when it is empty), at most {@code limit}.
     */
    List<Incident> search(Actor actor, String text, int limit);
}
