package dev.postmortem.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.postmortem.Added;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemNotFoundException;
import dev.postmortem.core.postmortem.PostMortemService;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The element sub-resources of a post-mortem, {@code /{id}/timeline[/{eventId}]} (the timeline
 * builder) and {@code /{id}/action-items[/{itemId}]}: list, add, read, merge-patch and remove one
 * element. Both work the same way, so one class serves both, told apart by an {@link Kind}.
 * Writes answer with the whole post-mortem, whose version is the ETag.
 */
final class ElementEndpoints<T> {

    /** What differs between timeline events and action items. */
    record Kind<T>(String segment, String noun,
                   Function<PostMortem, List<T>> all,
                   BiFunction<PostMortem, UUID, Optional<T>> find,
                   Function<T, UUID> id,
                   ElementWriter<T> json,
                   Write<Added<T>, ObjectNode> add,
                   EditWrite edit,
                   RemoveWrite remove) {
    }

    @FunctionalInterface
    interface ElementWriter<T> {
        void write(JsonGenerator out, T element) throws IOException;
    }

    @FunctionalInterface
    interface Write<R, B> {
        R apply(Actor actor, UUID postMortemId, B body, ExpectedVersion expected);
    }

    @FunctionalInterface
    interface EditWrite {
        PostMortem apply(Actor actor, UUID postMortemId, UUID elementId, ObjectNode body, ExpectedVersion expected);
    }

    @FunctionalInterface
    interface RemoveWrite {
        PostMortem apply(Actor actor, UUID postMortemId, UUID elementId, ExpectedVersion expected);
    }

    static ElementEndpoints<TimelineEvent> timeline(PostMortemService service, String basePath) {
        return new ElementEndpoints<>(service, basePath, new Kind<>("timeline", "timeline event",
                pm -> pm.content().timeline(), PostMortem::timelineEvent, TimelineEvent::id,
                Documents::timelineEvent,
                (actor, id, body, expected) -> service.addTimelineEvent(actor, id,
                        RequestBodies.newTimelineEvent(body), expected),
                (actor, id, eventId, body, expected) -> service.editTimelineEvent(actor, id, eventId,
                        RequestBodies.timelineEventChanges(body), expected),
                service::removeTimelineEvent));
    }

    static ElementEndpoints<ActionItem> actionItems(PostMortemService service, String basePath) {
        return new ElementEndpoints<>(service, basePath, new Kind<>("action-items", "action item",
                pm -> pm.content().actionItems(), PostMortem::actionItem, ActionItem::id,
                Documents::actionItem,
                (actor, id, body, expected) -> service.addActionItem(actor, id, RequestBodies.newActionItem(body),
                        expected),
                (actor, id, itemId, body, expected) -> service.editActionItem(actor, id, itemId,
                        RequestBodies.actionItemChanges(body), expected),
                service::removeActionItem));
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
        List<T> elements = kind.all().apply(pm);
        return exchange.document(200, out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("items");
            for (T element : elements) {
                kind.json().write(out, element);
            }
            out.writeEndArray();
            out.writeEndObject();
        }, pm.version());
    }

    private ApiResponse get(Exchange exchange) {
        PostMortem pm = service.get(exchange.actor(), exchange.id("id"));
        UUID elementId = exchange.id("elementId");
        T element = kind.find().apply(pm, elementId).orElseThrow(() ->
                new PostMortemNotFoundException("No " + kind.noun() + " " + elementId + " in this post-mortem."));
        return exchange.document(200, out -> kind.json().write(out, element), pm.version());
    }

    private ApiResponse add(Exchange exchange) {
        UUID id = exchange.id("id");
        ExpectedVersion expected = exchange.expectedVersion();
        Added<T> added = kind.add().apply(exchange.actor(), id, exchange.jsonBody(), expected);
        return PostMortemEndpoints.withHeader(document(exchange, 201, added.postMortem()), "Location",
                basePath + "/" + id + "/" + kind.segment() + "/" + kind.id().apply(added.element()));
    }

    private ApiResponse edit(Exchange exchange) {
        UUID id = exchange.id("id");
        UUID elementId = exchange.id("elementId");
        ExpectedVersion expected = exchange.expectedVersion();
        return document(exchange, 200, kind.edit().apply(exchange.actor(), id, elementId, exchange.patchBody(),
                expected));
    }

    private ApiResponse remove(Exchange exchange) {
        UUID id = exchange.id("id");
        UUID elementId = exchange.id("elementId");
        return document(exchange, 200, kind.remove().apply(exchange.actor(), id, elementId,
                exchange.expectedVersion()));
    }

    private ApiResponse document(Exchange exchange, int status, PostMortem pm) {
        return PostMortemEndpoints.document(service, exchange, status, pm);
    }
}
