package dev.postmortem.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.incident.Incident;
import dev.postmortem.core.incident.IncidentCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incidents of {@code POSTMORTEM_INCIDENTS_FILE}: a JSON array of incidents in the API's own
 * shape ({@code id}, {@code title}, {@code severity}, {@code status}, {@code url}, {@code startedAt},
 * {@code detectedAt}, {@code acknowledgedAt}, {@code mitigatedAt}, {@code resolvedAt},
 * {@code services}), read once at start-up. The server has one tenant: every user sees them all.
 */
final class JsonFileIncidentCatalog implements IncidentCatalog {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> FIELDS = List.of("id", "title", "severity", "status", "url", "startedAt",
            "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt", "services");

    private final Map<String, Incident> byId;

    private JsonFileIncidentCatalog(Map<String, Incident> byId) {
        this.byId = byId;
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException naming the file, the entry and the field, when it is not
     *     such an array: a server should not start on a catalog it half understands
     */
    static JsonFileIncidentCatalog read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("POSTMORTEM_INCIDENTS_FILE " + file + " cannot be read as JSON: "
                    + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("POSTMORTEM_INCIDENTS_FILE " + file + " must hold a JSON array of"
                    + " incidents");
        }
        Map<String, Incident> byId = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            String where = "POSTMORTEM_INCIDENTS_FILE " + file + ", incident [" + i + "]";
            Incident incident = incident(root.get(i), where);
            if (byId.putIfAbsent(incident.id(), incident) != null) {
                throw new IllegalArgumentException(where + ": id " + incident.id() + " appears twice");
            }
        }
        return new JsonFileIncidentCatalog(byId);
    }

    private static Incident incident(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(where + ": " + name + " is not a known field; known: "
                        + String.join(", ", FIELDS));
            }
        });
        String id = text(node, "id", where);
        String title = text(node, "title", where);
        if (id == null || id.isBlank() || id.length() > 100 || title == null || title.isBlank()) {
            throw new IllegalArgumentException(where + " needs an id (at most 100 characters) and a title");
        }
        List<String> services = new ArrayList<>();
        JsonNode list = node.path("services");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException(where + ": services must be an array of strings");
            }
            list.forEach(service -> services.add(service.asText()));
        }
        return new Incident(id, title, text(node, "severity", where), text(node, "status", where),
                text(node, "url", where), instant(node, "startedAt", where), instant(node, "detectedAt", where),
                instant(node, "acknowledgedAt", where), instant(node, "mitigatedAt", where),
                instant(node, "resolvedAt", where), services);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + ": " + field + " must be a string");
        }
        return value.textValue();
    }

    private static Instant instant(JsonNode node, String field, String where) {
        String text = text(node, field, where);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": " + field + " must be an ISO instant such as"
                    + " 2025-01-15T14:30:00Z, not " + text, e);
        }
    }

    int size() {
        return byId.size();
    }

    @Override
    public Optional<Incident> find(Actor actor, String incidentId) {
        return Optional.ofNullable(byId.get(incidentId));
    }

    @Override
    public List<Incident> search(Actor actor, String text, int limit) {
        return byId.values().stream().filter(incident -> incident.matches(text)).sorted(Incident.MOST_RECENT_FIRST)
                .limit(limit).toList();
    }
}
