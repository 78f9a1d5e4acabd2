package dev.postmortem.testing.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.incident.Incident;
import dev.postmortem.core.incident.IncidentCatalog;
import dev.postmortem.testing.SpecExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The incident catalog a host under the contract suite serves: {@link #catalog()} as its
 * {@code IncidentCatalog} bean or builder argument, or {@link #writeJsonFile} for the standalone
 * server's {@code POSTMORTEM_INCIDENTS_FILE}. Besides the incidents the suite reads ({@link #CHECKOUT},
 * {@link #BARE}) it holds a pool of incidents unique to this run, which the suite hands out with
 * {@link #fresh()} wherever it needs post-mortems no earlier run wrote.
 */
public final class ContractIncidents {

    /** An incident with every field: its key moments span midnight (UTC). */
    public static final Incident CHECKOUT = new Incident("INC-CONTRACT-CHECKOUT",
            "Checkout API returns 503 after pool exhaustion", "SEV1", "resolved",
            "https://incidents.example.com/INC-CONTRACT-CHECKOUT", Instant.parse("2025-01-15T23:50:00Z"),
            Instant.parse("2025-01-15T23:58:00Z"), Instant.parse("2025-01-16T00:01:00Z"),
            Instant.parse("2025-01-16T00:10:00Z"), Instant.parse("2025-01-16T00:35:00Z"),
            List.of("checkout-api", "orders-db"));

    /** An incident with only an id and a title. */
    public static final Incident BARE = Incident.of("INC-CONTRACT-BARE", "Search slow for some customers");

    private static final int POOL = 1_000;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Map<String, Incident> ALL = all();

    private ContractIncidents() {
    }

    private static Map<String, Incident> all() {
        Map<String, Incident> all = new LinkedHashMap<>();
        List<Incident> fixed = List.of(CHECKOUT, BARE,
                Incident.of(SpecExample.INCIDENT_ID, "Database outage on the primary cluster"),
                Incident.of("INC-77", "Release 4.2 rolled back"),
                Incident.of("INC-FUZZ", "Generated requests"), Incident.of("INC-FUZZ-HOME", "Generated requests"));
        fixed.forEach(incident -> all.put(incident.id(), incident));
        for (int n = 0; n < POOL; n++) {
            String id = "INC-" + RUN + "-" + n;
            all.put(id, Incident.of(id, "Contract run " + RUN + " incident " + n));
        }
        return all;
    }

    /** An incident of the catalog that no post-mortem of an earlier run names. */
    public static String fresh() {
        int n = NEXT.getAndIncrement();
        if (n >= POOL) {
            throw new IllegalStateException("the contract suite used more than " + POOL + " fresh incidents");
        }
        return "INC-" + RUN + "-" + n;
    }

    /** An id the catalog does not hold. */
    public static String unknown() {
        return "INC-UNKNOWN-" + UUID.randomUUID();
    }

    /** The catalog, the same for every caller. */
    public static IncidentCatalog catalog() {
        return new IncidentCatalog() {
            @Override
            public Optional<Incident> find(Actor actor, String incidentId) {
                return Optional.ofNullable(ALL.get(incidentId));
            }

            @Override
            public List<Incident> search(Actor actor, String text, int limit) {
                return ALL.values().stream().filter(incident -> incident.matches(text))
                        .sorted(Incident.MOST_RECENT_FIRST).limit(limit).toList();
            }
        };
    }

    /** The catalog as the standalone server reads it, written to {@code incidents.json} in {@code directory}. */
    public static Path writeJsonFile(Path directory) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (Incident incident : ALL.values()) {
            ObjectNode node = array.addObject().put("id", incident.id()).put("title", incident.title())
                    .put("severity", incident.severity()).put("status", incident.status()).put("url", incident.url());
            node.put("startedAt", text(incident.startedAt())).put("detectedAt", text(incident.detectedAt()))
                    .put("acknowledgedAt", text(incident.acknowledgedAt()))
                    .put("mitigatedAt", text(incident.mitigatedAt())).put("resolvedAt", text(incident.resolvedAt()));
            incident.services().forEach(node.putArray("services")::add);
        }
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("incidents.json");
            mapper.writeValue(file.toFile(), array);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
