package dev.postmortem.http;

import static dev.postmortem.http.JsonCodec.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.port.PostMortemSummary;
import dev.postmortem.core.service.PostMortemList;
import dev.postmortem.core.template.Template;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON documents of the API, field by field in a fixed order, with the spec's camelCase
 * names. Optional values are written as {@code null} rather than left out, so every document
 * of a kind has the same shape.
 */
final class Documents {

    private Documents() {
    }

    /**
     * @param allowedTransitions the statuses the caller may move it to now (empty when none or
     *     when the caller may not change its status): what a client shows as buttons
     */
    static ObjectNode postMortem(PostMortem pm, List<PostMortemStatus> allowedTransitions) {
        PostMortemContent content = pm.content();
        ObjectNode json = NODES.objectNode();
        json.put("id", pm.id().toString());
        json.put("incidentId", content.incidentId());
        json.put("title", content.title());
        json.put("summary", content.summary());
        json.put("impact", content.impact());
        json.put("rootCause", content.rootCause());
        ArrayNode timeline = json.putArray("timeline");
        content.timeline().forEach(event -> timeline.add(timelineEvent(event)));
        ArrayNode items = json.putArray("actionItems");
        content.actionItems().forEach(item -> items.add(actionItem(item)));
        ArrayNode contributors = json.putArray("contributors");
        content.contributors().forEach(contributors::add);
        json.put("status", pm.status().name());
        json.put("templateId", pm.templateId());
        json.put("createdAt", instant(pm.createdAt()));
        json.put("createdBy", pm.createdBy());
        json.put("updatedAt", instant(pm.updatedAt()));
        json.put("publishedAt", instant(pm.publishedAt()));
        json.put("version", pm.version());
        ArrayNode allowed = json.putArray("allowedTransitions");
        allowedTransitions.forEach(status -> allowed.add(status.name()));
        ArrayNode history = json.putArray("statusHistory");
        for (StatusChange change : pm.statusHistory()) {
            history.addObject()
                    .put("from", change.from() == null ? null : change.from().name())
                    .put("to", change.to().name())
                    .put("changedBy", change.changedBy())
                    .put("changedAt", instant(change.changedAt()));
        }
        return json;
    }

    static ObjectNode timelineEvent(TimelineEvent event) {
        return NODES.objectNode()
                .put("id", event.id().toString())
                .put("time", event.time().text())
                .put("description", event.description());
    }

    static ObjectNode actionItem(ActionItem item) {
        return NODES.objectNode()
                .put("id", item.id().toString())
                .put("description", item.description())
                .put("owner", item.owner())
                .put("status", item.status().name())
                .put("priority", item.priority().name())
                .put("dueDate", date(item.dueDate()));
    }

    static ObjectNode list(PostMortemList list) {
        ObjectNode json = NODES.objectNode();
        ArrayNode items = json.putArray("items");
        list.items().forEach(summary -> items.add(summary(summary)));
        json.put("nextCursor", list.nextCursor());
        return json;
    }

    static ObjectNode summary(PostMortemSummary summary) {
        return NODES.objectNode()
                .put("id", summary.id().toString())
                .put("incidentId", summary.incidentId())
                .put("title", summary.title())
                .put("status", summary.status().name())
                .put("templateId", summary.templateId())
                .put("createdAt", instant(summary.createdAt()))
                .put("createdBy", summary.createdBy())
                .put("updatedAt", instant(summary.updatedAt()))
                .put("publishedAt", instant(summary.publishedAt()))
                .put("version", summary.version());
    }

    static ObjectNode templates(List<Template> templates) {
        ObjectNode json = NODES.objectNode();
        ArrayNode items = json.putArray("items");
        templates.forEach(template -> items.add(template(template)));
        return json;
    }

    /** A template in the shapes of a post-mortem: its events and items as they will be pre-filled. */
    static ObjectNode template(Template template) {
        ObjectNode json = NODES.objectNode()
                .put("id", template.id())
                .put("name", template.name())
                .put("description", template.description())
                .put("title", template.title())
                .put("summary", template.summary())
                .put("impact", template.impact())
                .put("rootCause", template.rootCause());
        ArrayNode timeline = json.putArray("timeline");
        template.timeline().forEach(event -> timeline.addObject().put("time", event.time())
                .put("description", event.description()));
        ArrayNode items = json.putArray("actionItems");
        template.actionItems().forEach(item -> items.addObject()
                .put("description", item.description())
                .putNull("owner")
                .put("status", "TODO")
                .put("priority", item.priority().name())
                .putNull("dueDate"));
        return json;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : IsoInstant.format(instant);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
