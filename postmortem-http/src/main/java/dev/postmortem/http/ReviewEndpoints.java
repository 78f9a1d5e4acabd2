package dev.postmortem.http;

import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.postmortem.PostMortemService;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /{id}/approvals} (read them; approve the current version, or the one {@code If-Match}
 * names) and {@code /{id}/history} (one entry per stored version, oldest first).
 */
final class ReviewEndpoints {

    private final PostMortemService service;

    ReviewEndpoints(PostMortemService service) {
        this.service = service;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/{id}/approvals", this::approvals),
                new Route("POST", "/{id}/approvals", this::approve),
                new Route("GET", "/{id}/history", Set.of("limit", "cursor"), this::history));
    }

    private ApiResponse approvals(Exchange exchange) {
        PostMortem pm = service.get(exchange.actor(), exchange.id("id"));
        return exchange.document(200, new Documents.ApprovalListDocument(Documents.approvals(pm),
                service.approvalPolicy().requiredApprovals()), pm.version());
    }

    /** No body: an approval is of a version, which {@code If-Match} names (without it, the current one). */
    private ApiResponse approve(Exchange exchange) {
        UUID id = exchange.id("id");
        PostMortem approved = service.approve(exchange.actor(), id, exchange.expectedVersion());
        return PostMortemEndpoints.document(service, exchange, 200, approved);
    }

    private ApiResponse history(Exchange exchange) {
        QueryParameters.Page page = QueryParameters.page(exchange.query());
        UUID id = exchange.id("id");
        if (!service.hasHistory()) {
            throw Problem.of(404, "not-found", "Not found", "This host keeps no history.").raise();
        }
        return exchange.json(200, Documents.history(service.history(exchange.actor(), id, page.limit(),
                page.cursor())));
    }
}
