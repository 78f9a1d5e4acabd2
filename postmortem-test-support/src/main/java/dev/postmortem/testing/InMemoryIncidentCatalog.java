package dev.postmortem.testing;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.incident.Incident;
import dev.postmortem.core.incident.IncidentCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An incident catalog in memory, per tenant: what a host's catalog does, for tests. An actor
 * sees the incidents of its own tenant only.
 */
public final class InMemoryIncidentCatalog implements IncidentCatalog {

    private final Map<String, Map<String, Incident>> byTenant = new ConcurrentHashMap<>();

    /** Adds (or replaces) {@code incident} in {@code tenantId}. */
    public InMemoryIncidentCatalog add(String tenantId, Incident incident) {
        byTenant.computeIfAbsent(tenantId, tenant -> new ConcurrentHashMap<>()).put(incident.id(), incident);
        return this;
    }

    @Override
    public Optional<Incident> find(Actor actor, String incidentId) {
        return Optional.ofNullable(byTenant.getOrDefault(actor.tenantId(), Map.of()).get(incidentId));
    }

    @Override
    public List<Incident> search(Actor actor, String text, int limit) {
        return byTenant.getOrDefault(actor.tenantId(), Map.of()).values().stream()
                .filter(incident -> incident.matches(text)).sorted(Incident.MOST_RECENT_FIRST).limit(limit)
                .toList();
    }
}
