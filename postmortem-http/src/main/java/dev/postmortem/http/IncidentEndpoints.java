package dev.postmortem.http;

import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.postmortem.PostMortemService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/postmortem-incidents} (search) and {@code /api/postmortem-incidents/{incidentId}}
 * (one incident with the post-mortems written for it): the host's incident catalog, as the
 * caller may see it.
 */
final class IncidentEndpoints {

    private final PostMortemService service;

    IncidentEndpoints(PostMortemService service) {
        this.service = service;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "", Set.of("q", "limit"), this::search),
                new Route("GET", "/{incidentId}", exchange -> exchange.json(200, Documents.incident(
                        service.incident(exchange.actor(), exchange.parameter("incidentId")).orElseThrow(
                                () -> Problem.of(404, "not-found", "Not found", "No incident "
                                        + exchange.parameter("incidentId") + ".").raise())))));
    }

    private ApiResponse search(Exchange exchange) {
        Map<String, List<String>> query = exchange.query();
        List<FieldError> errors = new ArrayList<>();
        String text = QueryParameters.single(query, "q", errors);
        Integer limit = QueryParameters.limit(query, errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors).raise();
        }
        return exchange.json(200, Documents.incidents(service.searchIncidents(exchange.actor(), text, limit)));
    }
}
