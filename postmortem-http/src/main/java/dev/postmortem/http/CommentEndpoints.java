package dev.postmortem.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.review.CommentView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /{id}/comments[/{commentId}]}: a post-mortem's review comments, oldest first; add one
 * (on a part, or as a reply), read one, merge-patch its {@code body} or {@code resolved}, delete
 * one. Comments carry no version: each changes only by its author's or an editor's hand.
 */
final class CommentEndpoints {

    private static final Set<String> ADD_FIELDS = Set.of("body", "anchor", "inReplyTo");
    private static final Set<String> CHANGE_FIELDS = Set.of("body", "resolved");
    /** Set by the server on every comment. */
    private static final Set<String> SERVER_OWNED = Set.of("id", "author", "createdAt", "updatedAt", "resolvedBy",
            "resolvedAt", "anchorRemoved");

    private final PostMortemService service;
    private final String basePath;

    CommentEndpoints(PostMortemService service, String basePath) {
        this.service = service;
        this.basePath = basePath;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/{id}/comments", Set.of("limit", "cursor"), this::list),
                new Route("POST", "/{id}/comments", this::add),
                new Route("GET", "/{id}/comments/{commentId}", this::get),
                new Route("PATCH", "/{id}/comments/{commentId}", this::change),
                new Route("DELETE", "/{id}/comments/{commentId}", this::delete));
    }

    private ApiResponse list(Exchange exchange) {
        QueryParameters.Page page = QueryParameters.page(exchange.query());
        UUID id = exchange.id("id");
        requireComments(exchange);
        return exchange.json(200, Documents.comments(service.comments(exchange.actor(), id, page.limit(),
                page.cursor())));
    }

    private ApiResponse get(Exchange exchange) {
        UUID id = exchange.id("id");
        UUID commentId = exchange.id("commentId");
        requireComments(exchange);
        return exchange.json(200, Documents.comment(service.comment(exchange.actor(), id, commentId)));
    }

    private ApiResponse add(Exchange exchange) {
        UUID id = exchange.id("id");
        requireComments(exchange);
        List<FieldError> errors = new ArrayList<>();
        JsonFields fields = new JsonFields(exchange.jsonBody(), "", errors, ADD_FIELDS, SERVER_OWNED);
        String body = fields.text("body");
        String anchor = fields.text("anchor");
        UUID inReplyTo = fields.uuid("inReplyTo");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CommentView added = service.addComment(exchange.actor(), id, body, anchor, inReplyTo);
        return PostMortemEndpoints.withHeader(exchange.json(201, Documents.comment(added)), "Location",
                basePath + "/" + id + "/comments/" + added.comment().id());
    }

    private ApiResponse change(Exchange exchange) {
        UUID id = exchange.id("id");
        UUID commentId = exchange.id("commentId");
        requireComments(exchange);
        List<FieldError> errors = new ArrayList<>();
        ObjectNode patch = exchange.patchBody();
        JsonFields fields = new JsonFields(patch, "", errors, CHANGE_FIELDS, SERVER_OWNED);
        String body = fields.text("body");
        Boolean resolved = fields.bool("resolved");
        for (String name : CHANGE_FIELDS) {
            if (patch.has(name) && patch.get(name).isNull()) {
                errors.add(new FieldError(name, "cannot be removed"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().distinct().toList());
        }
        return exchange.json(200, Documents.comment(service.changeComment(exchange.actor(), id, commentId, body,
                resolved)));
    }

    private ApiResponse delete(Exchange exchange) {
        UUID id = exchange.id("id");
        UUID commentId = exchange.id("commentId");
        requireComments(exchange);
        service.deleteComment(exchange.actor(), id, commentId);
        return ApiResponse.status(204).build();
    }

    // a host whose repository keeps no comments has no comment resources
    private void requireComments(Exchange exchange) {
        if (!service.hasComments()) {
            throw Problem.of(404, "not-found", "Not found", "This host keeps no comments.").raise();
        }
    }
}
