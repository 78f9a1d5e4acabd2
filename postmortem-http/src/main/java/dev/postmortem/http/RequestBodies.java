package dev.postmortem.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Change;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns request bodies into the core's inputs, a field the body leaves out staying absent
 * (JSON merge patch). Only the shape is checked here (known fields, JSON types, enum names,
 * dates, ids); the product's rules (lengths, required fields, time forms) are the core's, so
 * both report in the same {@code errors[]}.
 */
final class RequestBodies {

    private static final Set<String> DOCUMENT_FIELDS = Set.of("incidentId", "title", "summary", "impact",
            "rootCause", "timeline", "actionItems", "contributors", "status", "incidentDate", "timeZone",
            "usersAffected", "usersAffectedPercent", "servicesAffected", "businessImpact", "contributingFactors",
            "whyNotCaughtEarlier", "lessonsLearned", "tags", "category");
    private static final Set<String> CREATE_FIELDS = union(DOCUMENT_FIELDS, Set.of("templateId"));
    private static final Set<String> EVENT_FIELDS = Set.of("time", "description", "keyMoment");
    private static final Set<String> EVENT_FIELDS_WITH_ID = union(EVENT_FIELDS, Set.of("id"));
    private static final Set<String> ITEM_FIELDS = Set.of("description", "owner", "status", "priority", "dueDate",
            "trackerKey", "trackerUrl");
    /** Computed for each item, read-only. */
    private static final Set<String> ITEM_OWNED = Set.of("id", "overdue");
    private static final Set<String> ITEM_FIELDS_WITH_ID = union(ITEM_FIELDS, Set.of("id"));
    private static final Set<String> NOTHING_OWNED = Set.of();

    private RequestBodies() {
    }

    static PostMortemInput create(ObjectNode body) {
        return document(body, CREATE_FIELDS, false);
    }

    /** A JSON merge patch (RFC 7396) of the whole document; {@code status} moves it through the workflow. */
    static PostMortemInput patch(ObjectNode body) {
        return document(body, DOCUMENT_FIELDS, true);
    }

    private static PostMortemInput document(ObjectNode body, Set<String> allowed, boolean patch) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields fields = new JsonFields(body, "", errors, allowed, JsonFields.SERVER_OWNED);
        if (patch && body.has("status") && body.get("status").isNull()) {
            errors.add(new FieldError("status", "cannot be removed; name the status to move to"));
        }
        PostMortemInput input = new PostMortemInput(
                change(fields, "templateId", fields::text),
                change(fields, "status", name -> fields.enumValue(name, PostMortemStatus.class)),
                change(fields, "incidentId", fields::text),
                change(fields, "title", fields::text),
                change(fields, "summary", fields::text),
                change(fields, "impact", fields::text),
                change(fields, "rootCause", fields::text),
                change(fields, "timeline", name -> fields.objects(name,
                        event -> timelineEvent(event, event.uuid("id")), EVENT_FIELDS_WITH_ID, NOTHING_OWNED)),
                change(fields, "actionItems", name -> fields.objects(name,
                        item -> actionItem(item, item.uuid("id")), ITEM_FIELDS_WITH_ID, ITEM_OWNED)),
                change(fields, "contributors", fields::strings),
                change(fields, "incidentDate", fields::date),
                change(fields, "timeZone", fields::text),
                change(fields, "usersAffected", fields::wholeNumber),
                change(fields, "usersAffectedPercent", fields::number),
                change(fields, "servicesAffected", fields::strings),
                change(fields, "businessImpact", fields::text),
                change(fields, "contributingFactors", fields::strings),
                change(fields, "whyNotCaughtEarlier", fields::text),
                change(fields, "lessonsLearned", fields::strings),
                change(fields, "tags", fields::strings),
                change(fields, "category", fields::text));
        return checked(input, errors);
    }

    /** A new timeline event, or the fields to change of one. */
    static TimelineEventInput timelineEvent(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields fields = new JsonFields(body, "", errors, EVENT_FIELDS, JsonFields.SERVER_OWNED);
        return checked(timelineEvent(fields, null), errors);
    }

    /** A new action item, or the fields to change of one. */
    static ActionItemInput actionItem(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields fields = new JsonFields(body, "", errors, ITEM_FIELDS, ITEM_OWNED);
        return checked(actionItem(fields, null), errors);
    }

    private static TimelineEventInput timelineEvent(JsonFields event, UUID id) {
        return new TimelineEventInput(id, change(event, "time", event::text),
                change(event, "description", event::text),
                change(event, "keyMoment", name -> event.enumValue(name, KeyMoment.class)));
    }

    private static ActionItemInput actionItem(JsonFields item, UUID id) {
        return new ActionItemInput(id, change(item, "description", item::text), change(item, "owner", item::text),
                change(item, "status", name -> item.enumValue(name, ActionItemStatus.class)),
                change(item, "priority", name -> item.enumValue(name, Priority.class)),
                change(item, "dueDate", item::date), change(item, "trackerKey", item::text),
                change(item, "trackerUrl", item::text));
    }

    private static <T> Change<T> change(JsonFields fields, String name, Function<String, T> read) {
        return fields.has(name) ? Change.to(read.apply(name)) : Change.absent();
    }

    private static <T> T checked(T value, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return value;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
