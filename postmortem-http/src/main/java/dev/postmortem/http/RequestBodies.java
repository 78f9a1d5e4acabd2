package dev.postmortem.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.postmortem.ActionItemChanges;
import dev.postmortem.core.postmortem.CreatePostMortemCommand;
import dev.postmortem.core.postmortem.PostMortemChanges;
import dev.postmortem.core.postmortem.TimelineEventChanges;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns request bodies into the core's commands. Only the shape is checked here (known
 * fields, JSON types, enum names, dates, ids); the product's rules (lengths, required
 * fields, time forms) are the core's, so both report in the same {@code errors[]}.
 */
final class RequestBodies {

    private static final Set<String> DOCUMENT_FIELDS = Set.of("incidentId", "title", "summary", "impact",
            "rootCause", "timeline", "actionItems", "contributors", "status");
    private static final Set<String> CREATE_FIELDS = union(DOCUMENT_FIELDS, Set.of("templateId"));
    private static final Set<String> EVENT_FIELDS = Set.of("time", "description");
    private static final Set<String> EVENT_FIELDS_WITH_ID = union(EVENT_FIELDS, Set.of("id"));
    private static final Set<String> ITEM_FIELDS = Set.of("description", "owner", "status", "priority", "dueDate");
    private static final Set<String> ITEM_FIELDS_WITH_ID = union(ITEM_FIELDS, Set.of("id"));
    private static final Set<String> NOTHING_OWNED = Set.of();

    private RequestBodies() {
    }

    static CreatePostMortemCommand create(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields fields = new JsonFields(body, "", errors, CREATE_FIELDS, JsonFields.SERVER_OWNED);
        CreatePostMortemCommand command = CreatePostMortemCommand.builder()
                .templateId(fields.text("templateId"))
                .status(fields.enumValue("status", PostMortemStatus.class))
                .incidentId(fields.text("incidentId"))
                .title(fields.text("title"))
                .summary(fields.text("summary"))
                .impact(fields.text("impact"))
                .rootCause(fields.text("rootCause"))
                .timeline(timeline(fields))
                .actionItems(actionItems(fields))
                .contributors(fields.strings("contributors"))
                .build();
        return checked(command, errors);
    }

    /** A JSON merge patch (RFC 7396) of the whole document; {@code status} moves it through the workflow. */
    static PostMortemChanges patch(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields fields = new JsonFields(body, "", errors, DOCUMENT_FIELDS, JsonFields.SERVER_OWNED);
        PostMortemChanges.Builder changes = PostMortemChanges.builder();
        if (fields.has("incidentId")) {
            changes.incidentId(fields.text("incidentId"));
        }
        if (fields.has("title")) {
            changes.title(fields.text("title"));
        }
        if (fields.has("summary")) {
            changes.summary(fields.text("summary"));
        }
        if (fields.has("impact")) {
            changes.impact(fields.text("impact"));
        }
        if (fields.has("rootCause")) {
            changes.rootCause(fields.text("rootCause"));
        }
        if (fields.has("timeline")) {
            changes.timeline(timeline(fields));
        }
        if (fields.has("actionItems")) {
            changes.actionItems(actionItems(fields));
        }
        if (fields.has("contributors")) {
            changes.contributors(fields.strings("contributors"));
        }
        if (fields.has("status")) {
            PostMortemStatus status = fields.enumValue("status", PostMortemStatus.class);
            if (status == null && body.get("status").isNull()) {
                errors.add(new FieldError("status", "cannot be removed; name the status to move to"));
            }
            changes.status(status);
        }
        return checked(changes.build(), errors);
    }

    static TimelineEventInput newTimelineEvent(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields fields = new JsonFields(body, "", errors, EVENT_FIELDS, JsonFields.SERVER_OWNED);
        return checked(TimelineEventInput.of(fields.text("time"), fields.text("description")), errors);
    }

    static TimelineEventChanges timelineEventChanges(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields fields = new JsonFields(body, "", errors, EVENT_FIELDS, JsonFields.SERVER_OWNED);
        TimelineEventChanges changes = TimelineEventChanges.none();
        if (fields.has("time")) {
            changes = changes.time(fields.text("time"));
        }
        if (fields.has("description")) {
            changes = changes.description(fields.text("description"));
        }
        return checked(changes, errors);
    }

    static ActionItemInput newActionItem(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields fields = new JsonFields(body, "", errors, ITEM_FIELDS, JsonFields.SERVER_OWNED);
        return checked(actionItem(fields, false), errors);
    }

    static ActionItemChanges actionItemChanges(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields fields = new JsonFields(body, "", errors, ITEM_FIELDS, JsonFields.SERVER_OWNED);
        ActionItemChanges changes = ActionItemChanges.none();
        if (fields.has("description")) {
            changes = changes.description(fields.text("description"));
        }
        if (fields.has("owner")) {
            changes = changes.owner(fields.text("owner"));
        }
        if (fields.has("status")) {
            changes = changes.status(fields.enumValue("status", ActionItemStatus.class));
        }
        if (fields.has("priority")) {
            changes = changes.priority(fields.enumValue("priority", Priority.class));
        }
        if (fields.has("dueDate")) {
            changes = changes.dueDate(fields.date("dueDate"));
        }
        return checked(changes, errors);
    }

    private static List<TimelineEventInput> timeline(JsonFields fields) {
        return fields.objects("timeline", event -> new TimelineEventInput(event.uuid("id"), event.text("time"),
                event.text("description")), EVENT_FIELDS_WITH_ID, NOTHING_OWNED);
    }

    private static List<ActionItemInput> actionItems(JsonFields fields) {
        return fields.objects("actionItems", item -> actionItem(item, true), ITEM_FIELDS_WITH_ID, NOTHING_OWNED);
    }

    private static ActionItemInput actionItem(JsonFields item, boolean withId) {
        return new ActionItemInput(withId ? item.uuid("id") : null, item.text("description"), item.text("owner"),
                item.enumValue("status", ActionItemStatus.class), item.enumValue("priority", Priority.class),
                item.date("dueDate"));
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
