package dev.postmortem.http;

import dev.postmortem.core.classification.ListFilters;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.postmortem.ListPostMortemsQuery;
import dev.postmortem.core.postmortem.ListSort;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/postmortems} and {@code /api/postmortems/{id}}: list, create, read, merge-patch, delete, export, readiness. */
final class PostMortemEndpoints {

    private static final Set<String> LIST_PARAMETERS = Set.of("status", "incidentId", "q", "limit", "cursor", "tag",
            "category", "service", "templateId", "from", "to", "sort");

    private final PostMortemService service;
    private final String basePath;

    PostMortemEndpoints(PostMortemService service, String basePath) {
        this.service = service;
        this.basePath = basePath;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "", LIST_PARAMETERS, this::list),
                new Route("POST", "", this::create),
                new Route("GET", "/{id}", this::get),
                new Route("PATCH", "/{id}", this::patch),
                new Route("DELETE", "/{id}", this::delete),
                new Route("GET", "/{id}/export", Set.of("format"), this::export),
                new Route("GET", "/{id}/readiness", exchange -> exchange.json(200,
                        Documents.readiness(service.readiness(exchange.actor(), exchange.id("id"))))));
    }

    private ApiResponse list(Exchange exchange) {
        Map<String, List<String>> query = exchange.query();
        List<FieldError> errors = new ArrayList<>();
        Set<PostMortemStatus> statuses = EnumSet.noneOf(PostMortemStatus.class);
        for (String value : query.getOrDefault("status", List.of())) {
            for (String name : value.split(",")) {
                try {
                    statuses.add(PostMortemStatus.valueOf(name.strip()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("status", "must be one of DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED"
                            + " (repeat the parameter or separate with commas)"));
                }
            }
        }
        Integer limit = QueryParameters.limit(query, errors);
        String incidentId = QueryParameters.single(query, "incidentId", errors);
        String q = QueryParameters.single(query, "q", errors);
        String cursor = QueryParameters.single(query, "cursor", errors);
        ListSort sort = sort(QueryParameters.single(query, "sort", errors), errors);
        ListFilters filters = QueryParameters.filters(query, errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors.stream().distinct().toList()).raise();
        }
        return exchange.json(200, Documents.list(service.list(exchange.actor(),
                new ListPostMortemsQuery(statuses, incidentId, q, limit, cursor, filters, sort))));
    }

    private static ListSort sort(String value, List<FieldError> errors) {
        if (value == null || value.equals("newest")) {
            return ListSort.NEWEST;
        }
        if (value.equals("relevance")) {
            return ListSort.RELEVANCE;
        }
        errors.add(new FieldError("sort", "must be newest (the default) or relevance"));
        return null;
    }

    private ApiResponse create(Exchange exchange) {
        PostMortem created = service.create(exchange.actor(), RequestBodies.create(exchange.jsonBody()));
        ApiResponse response = document(exchange, 201, created);
        return withHeader(response, "Location", basePath + "/" + created.id());
    }

    private ApiResponse get(Exchange exchange) {
        PostMortem pm = service.get(exchange.actor(), exchange.id("id"));
        if (Preconditions.notModified(exchange.request(), pm.version())) {
            return ApiResponse.status(304).header("ETag", Preconditions.etag(pm.version())).build();
        }
        return document(exchange, 200, pm);
    }

    private ApiResponse patch(Exchange exchange) {
        var id = exchange.id("id");
        var expected = exchange.expectedVersion();
        var changes = RequestBodies.patch(exchange.patchBody());
        return document(exchange, 200, service.update(exchange.actor(), id, changes, expected));
    }

    private ApiResponse delete(Exchange exchange) {
        var id = exchange.id("id");
        service.delete(exchange.actor(), id, exchange.expectedVersion());
        return ApiResponse.status(204).build();
    }

    private ApiResponse export(Exchange exchange) {
        List<FieldError> errors = new ArrayList<>();
        String format = QueryParameters.single(exchange.query(), "format", errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors).raise();
        }
        format = format == null ? "markdown" : format;
        if (!format.equals("markdown") && !format.equals("html")) {
            throw Problem.invalid("format", "must be markdown or html").raise();
        }
        if (format.equals("markdown")) {
            String markdown = service.exportMarkdown(exchange.actor(), exchange.id("id"));
            return ApiResponse.status(200)
                    .body("text/markdown; charset=utf-8", markdown.getBytes(StandardCharsets.UTF_8))
                    .build();
        }
        String page = service.exportHtmlPage(exchange.actor(), exchange.id("id"));
        return ApiResponse.status(200)
                // the export is a document to read: it needs no script, frame or remote resource
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .body("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private ApiResponse document(Exchange exchange, int status, PostMortem pm) {
        return document(service, exchange, status, pm);
    }

    /** A post-mortem as the caller sees it (with the moves allowed to them now), its version as ETag. */
    static ApiResponse document(PostMortemService service, Exchange exchange, int status, PostMortem pm) {
        return exchange.document(status, Documents.postMortem(pm, service.allowedTransitions(exchange.actor(), pm),
                service.allowedEdits(exchange.actor(), pm), service.today(exchange.actor())), pm.version());
    }

    static ApiResponse withHeader(ApiResponse response, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put(name, value);
        return new ApiResponse(response.status(), headers, response.body());
    }
}
