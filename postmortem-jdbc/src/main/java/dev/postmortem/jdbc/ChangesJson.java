package dev.postmortem.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.history.FieldChange;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.Approval;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON in {@code pm_history.changes}: {@code [{"field", "before", "after"}]}, each value in
 * the shape {@link ContentJson} stores it in, read back into the core's types by its field.
 */
final class ChangesJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TEXT_LISTS = Set.of("servicesAffected", "contributingFactors", "lessonsLearned",
            "contributors", "tags");

    private ChangesJson() {
    }

    static String write(List<FieldChange> changes) {
        ArrayNode array = MAPPER.createArrayNode();
        for (FieldChange change : changes) {
            ObjectNode node = array.addObject().put("field", change.field());
            node.set("before", tree(change.before()));
            node.set("after", tree(change.after()));
        }
        return array.toString();
    }

    private static JsonNode tree(Object value) {
        Object stored = value;
        if (value instanceof TimelineEvent event) {
            stored = ContentJson.Event.of(event);
        } else if (value instanceof ActionItem item) {
            stored = ContentJson.Item.of(item);
        } else if (value instanceof Approval approval) {
            stored = ContentJson.Approved.of(approval);
        } else if (value instanceof PostMortemStatus || value instanceof LocalDate) {
            stored = value.toString();
        }
        return MAPPER.valueToTree(stored);
    }

    static List<FieldChange> read(String json) {
        try {
            List<FieldChange> changes = new ArrayList<>();
            for (JsonNode node : MAPPER.readTree(json)) {
                String field = node.get("field").asText();
                changes.add(new FieldChange(field, value(field, node.get("before")), value(field, node.get("after"))));
            }
            return changes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pm_history.changes is not the JSON this release reads", e);
        }
    }

    private static Object value(String field, JsonNode node) throws JsonProcessingException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (field.startsWith("timeline/")) {
            return MAPPER.treeToValue(node, ContentJson.Event.class).model();
        }
        if (field.startsWith("actionItems/")) {
            return MAPPER.treeToValue(node, ContentJson.Item.class).model();
        }
        if (field.startsWith("approvals/")) {
            return MAPPER.treeToValue(node, ContentJson.Approved.class).model();
        }
        return switch (field) {
            case "status" -> PostMortemStatus.valueOf(node.asText());
            case "incidentDate" -> ContentTimes.date(node.asText());
            case "usersAffected" -> node.asLong();
            case "usersAffectedPercent" -> node.asDouble();
            default -> TEXT_LISTS.contains(field)
                    ? List.of(MAPPER.treeToValue(node, String[].class)) : node.asText();
        };
    }
}
