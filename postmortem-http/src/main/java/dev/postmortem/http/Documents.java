package dev.postmortem.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.Change;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.postmortem.PostMortemList;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.template.Template;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The JSON documents of the API, field by field in a fixed order, with the spec's camelCase
 * names, written straight to the generator ({@link JsonDocument}). Optional values are written
 * as {@code null} rather than left out, so every document of a kind has the same shape.
 */
final class Documents {

    /** Stands in for the id a template's item gets when it is used; never written. */
    private static final UUID TEMPLATE_ITEM = new UUID(0, 0);

    private Documents() {
    }

    /**
     * @param allowedTransitions the statuses the caller may move it to now (empty when none or
     *     when the caller may not change its status): what a client shows as buttons
     */
    static JsonDocument postMortem(PostMortem pm, List<PostMortemStatus> allowedTransitions) {
        return out -> {
            PostMortemContent content = pm.content();
            out.writeStartObject();
            out.writeStringField("id", pm.id().toString());
            out.writeStringField("incidentId", content.incidentId());
            out.writeStringField("title", content.title());
            out.writeStringField("summary", content.summary());
            out.writeStringField("impact", content.impact());
            out.writeStringField("rootCause", content.rootCause());
            out.writeArrayFieldStart("timeline");
            for (TimelineEvent event : content.timeline()) {
                timelineEvent(out, event);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("actionItems");
            for (ActionItem item : content.actionItems()) {
                actionItem(out, item);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("contributors");
            for (String contributor : content.contributors()) {
                out.writeString(contributor);
            }
            out.writeEndArray();
            out.writeStringField("status", pm.status().name());
            out.writeStringField("templateId", pm.templateId());
            instantField(out, "createdAt", pm.createdAt());
            out.writeStringField("createdBy", pm.createdBy());
            instantField(out, "updatedAt", pm.updatedAt());
            instantField(out, "publishedAt", pm.publishedAt());
            out.writeNumberField("version", pm.version());
            out.writeArrayFieldStart("allowedTransitions");
            for (PostMortemStatus status : allowedTransitions) {
                out.writeString(status.name());
            }
            out.writeEndArray();
            out.writeArrayFieldStart("statusHistory");
            for (StatusChange change : pm.statusHistory()) {
                out.writeStartObject();
                out.writeStringField("from", change.from() == null ? null : change.from().name());
                out.writeStringField("to", change.to().name());
                out.writeStringField("changedBy", change.changedBy());
                instantField(out, "changedAt", change.changedAt());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        };
    }

    static void timelineEvent(JsonGenerator out, TimelineEvent event) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", event.id().toString());
        out.writeStringField("time", event.time().text());
        out.writeStringField("description", event.description());
        out.writeEndObject();
    }

    static void actionItem(JsonGenerator out, ActionItem item) throws IOException {
        actionItem(out, item, true);
    }

    private static void actionItem(JsonGenerator out, ActionItem item, boolean withId) throws IOException {
        out.writeStartObject();
        if (withId) {
            out.writeStringField("id", item.id().toString());
        }
        out.writeStringField("description", item.description());
        out.writeStringField("owner", item.owner());
        out.writeStringField("status", item.status().name());
        out.writeStringField("priority", item.priority().name());
        out.writeStringField("dueDate", date(item.dueDate()));
        out.writeEndObject();
    }

    static JsonDocument list(PostMortemList list) {
        return out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("items");
            for (PostMortemSummary summary : list.items()) {
                summary(out, summary);
            }
            out.writeEndArray();
            out.writeStringField("nextCursor", list.nextCursor());
            out.writeEndObject();
        };
    }

    private static void summary(JsonGenerator out, PostMortemSummary summary) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", summary.id().toString());
        out.writeStringField("incidentId", summary.incidentId());
        out.writeStringField("title", summary.title());
        out.writeStringField("status", summary.status().name());
        out.writeStringField("templateId", summary.templateId());
        instantField(out, "createdAt", summary.createdAt());
        out.writeStringField("createdBy", summary.createdBy());
        instantField(out, "updatedAt", summary.updatedAt());
        instantField(out, "publishedAt", summary.publishedAt());
        out.writeNumberField("version", summary.version());
        out.writeEndObject();
    }

    static JsonDocument templates(List<Template> templates) {
        return out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("items");
            for (Template template : templates) {
                template(out, template);
            }
            out.writeEndArray();
            out.writeEndObject();
        };
    }

    static JsonDocument template(Template template) {
        return out -> template(out, template);
    }

    /** A template in the shapes of a post-mortem: its events and items as they will be pre-filled. */
    private static void template(JsonGenerator out, Template template) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", template.id());
        out.writeStringField("name", template.name());
        out.writeStringField("description", template.description());
        PostMortemInput prefill = template.prefill();
        out.writeStringField("title", prefill.title().value());
        out.writeStringField("summary", prefill.summary().value());
        out.writeStringField("impact", prefill.impact().value());
        out.writeStringField("rootCause", prefill.rootCause().value());
        out.writeArrayFieldStart("timeline");
        for (TimelineEventInput event : listOf(prefill.timeline())) {
            out.writeStartObject();
            out.writeStringField("time", event.time().value());
            out.writeStringField("description", event.description().value());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("actionItems");
        for (ActionItemInput input : listOf(prefill.actionItems())) {
            // as it will be pre-filled: the defaults of a new item applied
            actionItem(out, input.create(TEMPLATE_ITEM), false);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static <T> List<T> listOf(Change<List<T>> list) {
        return list.value() == null ? List.of() : list.value();
    }

    private static void instantField(JsonGenerator out, String name, Instant instant) throws IOException {
        out.writeFieldName(name);
        if (instant == null) {
            out.writeNull();
        } else {
            IsoInstant.write(out, instant);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
