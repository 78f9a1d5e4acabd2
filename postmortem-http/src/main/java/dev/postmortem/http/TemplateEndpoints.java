package dev.postmortem.http;

import dev.postmortem.core.postmortem.PostMortemService;
import java.util.List;

/** {@code /api/postmortem-templates} and {@code /api/postmortem-templates/{templateId}}: the catalog. */
final class TemplateEndpoints {

    private final PostMortemService service;

    TemplateEndpoints(PostMortemService service) {
        this.service = service;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "", exchange -> exchange.json(200, Documents.templates(service.templates()))),
                new Route("GET", "/{templateId}", exchange -> exchange.json(200, Documents.template(
                        service.template(exchange.parameter("templateId")).orElseThrow(() -> Problem.of(404,
                                "not-found", "Not found", "No template " + exchange.parameter("templateId")
                                        + ".").raise())))));
    }
}
