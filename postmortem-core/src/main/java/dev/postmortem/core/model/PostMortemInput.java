package dev.postmortem.core.model;

import dev.postmortem.core.workflow.PostMortemStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything an author writes in a post-mortem, in the shape of the JSON document, with the
 * product's limits. A field left absent is filled from the template on create and stays as
 * it is on update (JSON merge patch, RFC 7396): set to {@code null} it is removed (impact,
 * root cause) or emptied (lists); a list replaces the old one whole, and its elements carrying
 * the id of an existing element keep that element. One set of rules validates create and
 * update, and violations carry the document's own paths ({@code actionItems[1].description}).
 *
 * @param templateId chosen when the post-mortem is created, never changed
 * @param status DRAFT (the default) or IN_REVIEW on create; on update, where the workflow moves
 *     it after the other changes are applied
 */
@SingleTimeForm
public record PostMortemInput(
        Change<String> templateId,
        Change<PostMortemStatus> status,
        Change<@NotBlank(message = "must not be blank") @StorableText
               @Size(max = Limits.INCIDENT_ID, message = "must be at most {max} characters") String> incidentId,
        Change<@NotBlank(message = "must not be blank") @StorableText
               @Size(max = Limits.TITLE, message = "must be at most {max} characters") String> title,
        Change<@NotBlank(message = "must not be blank") @StorableText
               @Size(max = Limits.SECTION, message = "must be at most {max} characters") String> summary,
        Change<@StorableText @Size(max = Limits.SECTION, message = "must be at most {max} characters") String> impact,
        Change<@StorableText @Size(max = Limits.SECTION, message = "must be at most {max} characters") String> rootCause,
        Change<@Size(max = Limits.TIMELINE_EVENTS, message = "must have at most {max} events")
               List<@NotNull(message = "must be an event") @Valid TimelineEventInput>> timeline,
        Change<@Size(max = Limits.ACTION_ITEMS, message = "must have at most {max} action items")
               List<@NotNull(message = "must be an action item") @Valid ActionItemInput>> actionItems,
        Change<@Size(max = Limits.CONTRIBUTORS, message = "must have at most {max} contributors")
               List<@NotBlank(message = "must not be blank") @Email(message = "must be an e-mail address")
                    @StorableText @Size(max = Limits.EMAIL, message = "must be at most {max} characters") String>>
                contributors) {

    public PostMortemInput {
        templateId = Change.nonNull(templateId);
        status = Change.nonNull(status);
        incidentId = Change.nonNull(incidentId);
        title = Change.nonNull(title);
        summary = Change.nonNull(summary);
        impact = Change.nonNull(impact);
        rootCause = Change.nonNull(rootCause);
        timeline = wholeElements(timeline);
        actionItems = wholeElements(actionItems);
        contributors = list(contributors);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether any written field is touched (as opposed to only a status change). */
    public boolean changesContent() {
        return contentFields().anyMatch(Change::isSet);
    }

    /** The lists this input replaces whole, by their JSON names; empty when it replaces none. */
    public List<String> replacedLists() {
        List<String> lists = new ArrayList<>();
        if (timeline.isSet()) {
            lists.add("timeline");
        }
        if (actionItems.isSet()) {
            lists.add("actionItems");
        }
        if (contributors.isSet()) {
            lists.add("contributors");
        }
        return lists;
    }

    /**
     * This input with what it leaves unwritten taken from {@code defaults}: a text that is
     * absent or blank, a list that is absent or empty. {@code templateId} and {@code status}
     * stay this input's.
     */
    public PostMortemInput withDefaults(PostMortemInput defaults) {
        return new PostMortemInput(templateId, status, orText(incidentId, defaults.incidentId),
                orText(title, defaults.title), orText(summary, defaults.summary), orText(impact, defaults.impact),
                orText(rootCause, defaults.rootCause), orList(timeline, defaults.timeline),
                orList(actionItems, defaults.actionItems), orList(contributors, defaults.contributors));
    }

    /** This input written whole, as a new post-mortem is: what is absent is set to nothing. */
    public PostMortemInput whole() {
        return new PostMortemInput(templateId, status, incidentId.orNull(), title.orNull(), summary.orNull(),
                impact.orNull(), rootCause.orNull(), timeline.orNull(), actionItems.orNull(), contributors.orNull());
    }

    private Stream<Change<?>> contentFields() {
        return Stream.of(incidentId, title, summary, impact, rootCause, timeline, actionItems, contributors);
    }

    private static Change<String> orText(Change<String> written, Change<String> fallback) {
        return written.isSet() && written.value() != null && !written.value().isBlank() ? written : fallback;
    }

    private static <T> Change<List<T>> orList(Change<List<T>> written, Change<List<T>> fallback) {
        return written.isSet() && !written.value().isEmpty() ? written : fallback;
    }

    // A list set to null is emptied (merge patch); List.copyOf would reject null elements,
    // which are bad input to report, not a crash.
    private static <T> Change<List<T>> list(Change<List<T>> change) {
        Change<List<T>> given = Change.nonNull(change);
        return given.map(l -> l == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(l)));
    }

    /** Elements of a list that is set are written whole: a field left out of one is not kept. */
    private static <I extends ElementInput<?>> Change<List<I>> wholeElements(Change<List<I>> change) {
        return list(change).map(elements -> elements.stream().map(PostMortemInput::whole).toList());
    }

    @SuppressWarnings("unchecked")
    private static <I extends ElementInput<?>> I whole(I element) {
        return element == null ? null : (I) element.whole();
    }

    /** Reads better than ten positional arguments at a call site; only what is called is set. */
    public static final class Builder {
        private Change<String> templateId = Change.absent();
        private Change<PostMortemStatus> status = Change.absent();
        private Change<String> incidentId = Change.absent();
        private Change<String> title = Change.absent();
        private Change<String> summary = Change.absent();
        private Change<String> impact = Change.absent();
        private Change<String> rootCause = Change.absent();
        private Change<List<TimelineEventInput>> timeline = Change.absent();
        private Change<List<ActionItemInput>> actionItems = Change.absent();
        private Change<List<String>> contributors = Change.absent();

        private Builder() {
        }

        public Builder templateId(String value) {
            templateId = Change.to(value);
            return this;
        }

        public Builder status(PostMortemStatus value) {
            status = Change.to(value);
            return this;
        }

        public Builder incidentId(String value) {
            incidentId = Change.to(value);
            return this;
        }

        public Builder title(String value) {
            title = Change.to(value);
            return this;
        }

        public Builder summary(String value) {
            summary = Change.to(value);
            return this;
        }

        public Builder impact(String value) {
            impact = Change.to(value);
            return this;
        }

        public Builder rootCause(String value) {
            rootCause = Change.to(value);
            return this;
        }

        public Builder timeline(List<TimelineEventInput> value) {
            timeline = Change.to(value);
            return this;
        }

        /** Appends one event to the timeline this input sets. */
        public Builder event(String time, String description) {
            timeline = Change.to(appended(timeline, TimelineEventInput.of(time, description)));
            return this;
        }

        public Builder actionItems(List<ActionItemInput> value) {
            actionItems = Change.to(value);
            return this;
        }

        /** Appends one item to the action items this input sets. */
        public Builder actionItem(ActionItemInput value) {
            actionItems = Change.to(appended(actionItems, value));
            return this;
        }

        public Builder contributors(List<String> value) {
            contributors = Change.to(value);
            return this;
        }

        private static <T> List<T> appended(Change<List<T>> list, T element) {
            List<T> elements = new ArrayList<>(list.isSet() && list.value() != null ? list.value() : List.of());
            elements.add(element);
            return elements;
        }

        public PostMortemInput build() {
            return new PostMortemInput(templateId, status, incidentId, title, summary, impact, rootCause, timeline,
                    actionItems, contributors);
        }
    }
}
