package dev.postmortem.http;

import dev.postmortem.core.access.AllowedEdits;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Change;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.postmortem.PostMortemList;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.template.Template;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The JSON documents of the API as records, written by Jackson data binding ({@link JsonCodec})
 * in the order of their components, with the spec's camelCase names. Optional values are
 * written as {@code null} rather than left out, so every document of a kind has the same shape.
 */
final class Documents {

    private Documents() {
    }

    /**
     * @param allowedTransitions the statuses the caller may move it to now (empty when none or
     *     when the caller may not change its status): what a client shows as buttons
     * @param allowedEdits what the caller may change now: what a client offers as edits
     */
    static PostMortemDocument postMortem(PostMortem pm, List<PostMortemStatus> allowedTransitions,
                                         AllowedEdits allowedEdits) {
        PostMortemContent content = pm.content();
        return new PostMortemDocument(pm.id(), content.incidentId(), content.title(), content.summary(),
                content.impact(), content.rootCause(), content.timeline().stream().map(Documents::timelineEvent).toList(),
                content.actionItems().stream().map(Documents::actionItem).toList(), content.contributors(),
                pm.status(), pm.templateId(), pm.createdAt(), pm.createdBy(), pm.updatedAt(), pm.publishedAt(),
                pm.version(), allowedTransitions, allowedEdits,
                pm.statusHistory().stream().map(Documents::statusChange).toList());
    }

    record PostMortemDocument(UUID id, String incidentId, String title, String summary, String impact,
                              String rootCause, List<EventDocument> timeline, List<ItemDocument> actionItems,
                              List<String> contributors, PostMortemStatus status, String templateId,
                              Instant createdAt, String createdBy, Instant updatedAt, Instant publishedAt,
                              long version, List<PostMortemStatus> allowedTransitions, AllowedEdits allowedEdits,
                              List<StatusChangeDocument> statusHistory) {
    }

    static EventDocument timelineEvent(TimelineEvent event) {
        return new EventDocument(event.id(), event.time().text(), event.description());
    }

    record EventDocument(UUID id, String time, String description) {
    }

    static ItemDocument actionItem(ActionItem item) {
        return new ItemDocument(item.id(), item.description(), item.owner(), item.status(), item.priority(),
                item.dueDate());
    }

    record ItemDocument(UUID id, String description, String owner, ActionItemStatus status, Priority priority,
                        LocalDate dueDate) {
    }

    private static StatusChangeDocument statusChange(StatusChange change) {
        return new StatusChangeDocument(change.from(), change.to(), change.changedBy(), change.changedAt());
    }

    record StatusChangeDocument(PostMortemStatus from, PostMortemStatus to, String changedBy, Instant changedAt) {
    }

    static ListDocument list(PostMortemList list) {
        return new ListDocument(list.items().stream().map(Documents::summary).toList(), list.nextCursor());
    }

    record ListDocument(List<SummaryDocument> items, String nextCursor) {
    }

    private static SummaryDocument summary(PostMortemSummary s) {
        return new SummaryDocument(s.id(), s.incidentId(), s.title(), s.status(), s.templateId(), s.createdAt(),
                s.createdBy(), s.updatedAt(), s.publishedAt(), s.version());
    }

    record SummaryDocument(UUID id, String incidentId, String title, PostMortemStatus status, String templateId,
                           Instant createdAt, String createdBy, Instant updatedAt, Instant publishedAt,
                           long version) {
    }

    /** {@code {"items": [...]}}: the template catalog, the elements of one list. */
    record Items<T>(List<T> items) {
    }

    static Items<TemplateDocument> templates(List<Template> templates) {
        return new Items<>(templates.stream().map(Documents::template).toList());
    }

    /** A template in the shapes of a post-mortem: its events and items as they will be pre-filled. */
    static TemplateDocument template(Template template) {
        PostMortemInput prefill = template.prefill();
        return new TemplateDocument(template.id(), template.name(), template.description(), prefill.title().value(),
                prefill.summary().value(), prefill.impact().value(), prefill.rootCause().value(),
                listOf(prefill.timeline()).stream()
                        .map(e -> new TemplateEventDocument(e.time().value(), e.description().value())).toList(),
                listOf(prefill.actionItems()).stream().map(Documents::templateItem).toList());
    }

    record TemplateDocument(String id, String name, String description, String title, String summary, String impact,
                            String rootCause, List<TemplateEventDocument> timeline,
                            List<TemplateItemDocument> actionItems) {
    }

    record TemplateEventDocument(String time, String description) {
    }

    /** As it will be pre-filled: the defaults of a new item applied. */
    private static TemplateItemDocument templateItem(ActionItemInput input) {
        ActionItem item = input.create(TEMPLATE_ITEM);
        return new TemplateItemDocument(item.description(), item.owner(), item.status(), item.priority(),
                item.dueDate());
    }

    /** Stands in for the id a template's item gets when it is used; never written. */
    private static final UUID TEMPLATE_ITEM = new UUID(0, 0);

    record TemplateItemDocument(String description, String owner, ActionItemStatus status, Priority priority,
                                LocalDate dueDate) {
    }

    private static <T> List<T> listOf(Change<List<T>> list) {
        return list.value() == null ? List.of() : list.value();
    }
}
