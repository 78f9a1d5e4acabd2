package dev.postmortem.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ElementInput;
import dev.postmortem.core.model.ElementList;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.postmortem.Added;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemNotFoundException;
import dev.postmortem.core.postmortem.PostMortemService;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The element sub-resources of a post-mortem, {@code /{id}/timeline[/{eventId}]} (the timeline
 * builder) and {@code /{id}/action-items[/{itemId}]}: list, add, read, merge-patch and remove one
 * element. Every kind works the same way, so one class serves all, told apart by a {@link Kind}.
 * Writes answer with the whole post-mortem, whose version is the ETag.
 */
final class ElementEndpoints<T> {

    /** What differs between the kinds of element: the list, its path segment, its JSON. */
    record Kind<T>(String segment, ElementList<T> list, BiFunction<T, LocalDate, Object> json,
                   Function<ObjectNode, ElementInput<T>> body) {
    }

    static ElementEndpoints<TimelineEvent> timeline(PostMortemService service, String basePath) {
        return new ElementEndpoints<>(service, basePath, new Kind<>("timeline", ElementList.TIMELINE,
                (event, today) -> Documents.timelineEvent(event), RequestBodies::timelineEvent));
    }

    static ElementEndpoints<ActionItem> actionItems(PostMortemService service, String basePath) {
        return new ElementEndpoints<>(service, basePath, new Kind<>("action-items", ElementList.ACTION_ITEMS,
                Documents::actionItem, RequestBodies::actionItem));
    }

    private final PostMortemService service;
    private final String basePath;
    private final Kind<T> kind;

    private ElementEndpoints(PostMortemService service, String basePath, Kind<T> kind) {
        this.service = service;
        this.basePath = basePath;
        this.kind = kind;
    }

    List<Route> routes() {
        String collection = "/{id}/" + kind.segment();
        String element = collection + "/{elementId}";
        return List.of(
                new Route("GET", collection, this::list),
                new Route("POST", collection, this::add),
                new Route("GET", element, this::get),
                new Route("PATCH", element, this::edit),
                new Route("DELETE", element, this::remove));
    }

    private ApiResponse list(Exchange exchange) {
        PostMortem pm = service.get(exchange.actor(), exchange.id("id"));
        List<T> elements = kind.list().elements().apply(pm.content());
        LocalDate today = service.today(exchange.actor());
        return exchange.document(200, new Documents.Items<>(elements.stream()
                .map(element -> kind.json().apply(element, today)).toList()), pm.version());
    }

    private ApiResponse get(Exchange exchange) {
        PostMortem pm = service.get(exchange.actor(), exchange.id("id"));
        UUID elementId = exchange.id("elementId");
        T element = kind.list().find(pm.content(), elementId).orElseThrow(() ->
                new PostMortemNotFoundException("No " + kind.list().noun() + " " + elementId + " in this post-mortem."));
        return exchange.document(200, kind.json().apply(element, service.today(exchange.actor())), pm.version());
    }

    private ApiResponse add(Exchange exchange) {
        UUID id = exchange.id("id");
        ExpectedVersion expected = exchange.expectedVersion();
        Added<T> added = service.addElement(exchange.actor(), id, kind.list(), kind.body().apply(exchange.jsonBody()),
                expected);
        return PostMortemEndpoints.withHeader(document(exchange, 201, added.postMortem()), "Location",
                basePath + "/" + id + "/" + kind.segment() + "/" + kind.list().idOf().apply(added.element()));
    }

    private ApiResponse edit(Exchange exchange) {
        UUID id = exchange.id("id");
        UUID elementId = exchange.id("elementId");
        ExpectedVersion expected = exchange.expectedVersion();
        return document(exchange, 200, service.editElement(exchange.actor(), id, kind.list(), elementId,
                kind.body().apply(exchange.patchBody()), expected));
    }

    private ApiResponse remove(Exchange exchange) {
        UUID id = exchange.id("id");
        UUID elementId = exchange.id("elementId");
        return document(exchange, 200, service.removeElement(exchange.actor(), id, kind.list(), elementId,
                exchange.expectedVersion()));
    }

    private ApiResponse document(Exchange exchange, int status, PostMortem pm) {
        return PostMortemEndpoints.document(service, exchange, status, pm);
    }
}
