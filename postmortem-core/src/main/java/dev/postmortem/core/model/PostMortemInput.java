package dev.postmortem.core.model;

import dev.postmortem.core.workflow.PostMortemStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything an author writes in a post-mortem, in the shape of the JSON document, with the
 * product's limits. A field left absent is filled from the incident and the template on create
 * (and only then) and stays as it is on update (JSON merge patch, RFC 7396): set to
 * {@code null} it is removed or emptied; a list replaces the old one whole, and its elements carrying
 * the id of an existing element keep that element. One set of rules validates create and
 * update, and violations carry the document's own paths ({@code actionItems[1].description}).
 *
 * @param templateId chosen when the post-mortem is created, never changed
 * @param status DRAFT (the default) or IN_REVIEW on create; on update, where the workflow moves
 *     it after the other changes are applied
 * @param timeZone an IANA id; the zone in which times of day and local date-times are placed
 */
public record PostMortemInput(
        Change<String> templateId,
        Change<PostMortemStatus> status,
        Change<@NotBlank(message = "must not be blank") @StorableText
               @Size(max = Limits.INCIDENT_ID, message = "must be at most {max} characters") String> incidentId,
        Change<@NotBlank(message = "must not be blank") @StorableText
               @Size(max = Limits.TITLE, message = "must be at most {max} characters") String> title,
        Change<@StorableText @Size(max = Limits.SECTION, message = "must be at most {max} characters") String> summary,
        Change<@StorableText @Size(max = Limits.SECTION, message = "must be at most {max} characters") String> impact,
        Change<@StorableText @Size(max = Limits.SECTION, message = "must be at most {max} characters") String> rootCause,
        Change<@Size(max = Limits.TIMELINE_EVENTS, message = "must have at most {max} events")
               List<@NotNull(message = "must be an event") @Valid TimelineEventInput>> timeline,
        Change<@Size(max = Limits.ACTION_ITEMS, message = "must have at most {max} action items")
               List<@NotNull(message = "must be an action item") @Valid ActionItemInput>> actionItems,
        Change<@Size(max = Limits.CONTRIBUTORS, message = "must have at most {max} contributors")
               List<@NotBlank(message = "must not be blank") @Email(message = "must be an e-mail address")
                    @StorableText @Size(max = Limits.EMAIL, message = "must be at most {max} characters") String>>
                contributors,
        Change<@SupportedDate LocalDate> incidentDate,
        Change<@TimeZoneId @Size(max = Limits.TIME_ZONE, message = "must be at most {max} characters") String>
                timeZone,
        Change<@PositiveOrZero(message = "must be 0 or more") Long> usersAffected,
        Change<@DecimalMin(value = "0", message = "must be from 0 to 100")
               @DecimalMax(value = "100", message = "must be from 0 to 100") Double> usersAffectedPercent,
        Change<@Size(max = Limits.SERVICES, message = "must have at most {max} services")
               List<@NotBlank(message = "must not be blank") @StorableText
                    @Size(max = Limits.SERVICE_NAME, message = "must be at most {max} characters") String>>
                servicesAffected,
        Change<@StorableText @Size(max = Limits.SECTION, message = "must be at most {max} characters") String>
                businessImpact,
        Change<@Size(max = Limits.FINDINGS, message = "must have at most {max} factors")
               List<@NotBlank(message = "must not be blank") @StorableText
                    @Size(max = Limits.FINDING, message = "must be at most {max} characters") String>>
                contributingFactors,
        Change<@StorableText @Size(max = Limits.SECTION, message = "must be at most {max} characters") String>
                whyNotCaughtEarlier,
        Change<@Size(max = Limits.FINDINGS, message = "must have at most {max} lessons")
               List<@NotBlank(message = "must not be blank") @StorableText
                    @Size(max = Limits.FINDING, message = "must be at most {max} characters") String>>
                lessonsLearned,
        Change<@Size(max = Limits.TAGS, message = "must have at most {max} tags")
               List<@NotNull(message = "must be a tag") @Pattern(regexp = Tags.PATTERN, message = Tags.RULE)
                    @Size(max = Limits.TAG, message = "must be at most {max} characters") String>> tags,
        Change<@Size(max = Limits.CATEGORY_ID, message = "must be at most {max} characters") String> category) {

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
        incidentDate = Change.nonNull(incidentDate);
        timeZone = Change.nonNull(timeZone);
        usersAffected = Change.nonNull(usersAffected);
        usersAffectedPercent = Change.nonNull(usersAffectedPercent);
        servicesAffected = list(servicesAffected);
        businessImpact = Change.nonNull(businessImpact);
        contributingFactors = list(contributingFactors);
        whyNotCaughtEarlier = Change.nonNull(whyNotCaughtEarlier);
        lessonsLearned = list(lessonsLearned);
        tags = list(tags);
        category = Change.nonNull(category);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether any written field is touched (as opposed to only a status change). */
    public boolean changesContent() {
        return contentFields().anyMatch(Change::isSet);
    }

    /**
     * The lists this input replaces whole, by their JSON names, whose elements others add one by
     * one; empty when it replaces none.
     */
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
     * This input with the fields it leaves absent taken from {@code defaults}. What the author
     * sent stays, an empty text or list included. {@code templateId} and {@code status} stay
     * this input's.
     */
    public PostMortemInput withDefaults(PostMortemInput defaults) {
        return new PostMortemInput(templateId, status, or(incidentId, defaults.incidentId),
                or(title, defaults.title), or(summary, defaults.summary), or(impact, defaults.impact),
                or(rootCause, defaults.rootCause), or(timeline, defaults.timeline),
                or(actionItems, defaults.actionItems), or(contributors, defaults.contributors),
                or(incidentDate, defaults.incidentDate), or(timeZone, defaults.timeZone),
                or(usersAffected, defaults.usersAffected), or(usersAffectedPercent, defaults.usersAffectedPercent),
                or(servicesAffected, defaults.servicesAffected), or(businessImpact, defaults.businessImpact),
                or(contributingFactors, defaults.contributingFactors),
                or(whyNotCaughtEarlier, defaults.whyNotCaughtEarlier), or(lessonsLearned, defaults.lessonsLearned),
                or(tags, defaults.tags), or(category, defaults.category));
    }

    /** This input written whole, as a new post-mortem is: what is absent is set to nothing. */
    public PostMortemInput whole() {
        return new PostMortemInput(templateId, status, incidentId.orNull(), title.orNull(), summary.orNull(),
                impact.orNull(), rootCause.orNull(), timeline.orNull(), actionItems.orNull(), contributors.orNull(),
                incidentDate.orNull(), timeZone.orNull(), usersAffected.orNull(), usersAffectedPercent.orNull(),
                servicesAffected.orNull(), businessImpact.orNull(), contributingFactors.orNull(),
                whyNotCaughtEarlier.orNull(), lessonsLearned.orNull(), tags.orNull(), category.orNull());
    }

    private Stream<Change<?>> contentFields() {
        return Stream.of(incidentId, title, summary, impact, rootCause, timeline, actionItems, contributors,
                incidentDate, timeZone, usersAffected, usersAffectedPercent, servicesAffected, businessImpact,
                contributingFactors, whyNotCaughtEarlier, lessonsLearned, tags, category);
    }

    private static <T> Change<T> or(Change<T> written, Change<T> fallback) {
        return written.isSet() ? written : fallback;
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
        private Change<LocalDate> incidentDate = Change.absent();
        private Change<String> timeZone = Change.absent();
        private Change<Long> usersAffected = Change.absent();
        private Change<Double> usersAffectedPercent = Change.absent();
        private Change<List<String>> servicesAffected = Change.absent();
        private Change<String> businessImpact = Change.absent();
        private Change<List<String>> contributingFactors = Change.absent();
        private Change<String> whyNotCaughtEarlier = Change.absent();
        private Change<List<String>> lessonsLearned = Change.absent();
        private Change<List<String>> tags = Change.absent();
        private Change<String> category = Change.absent();

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

        public Builder incidentDate(LocalDate value) {
            incidentDate = Change.to(value);
            return this;
        }

        public Builder timeZone(String value) {
            timeZone = Change.to(value);
            return this;
        }

        public Builder usersAffected(Long value) {
            usersAffected = Change.to(value);
            return this;
        }

        public Builder usersAffectedPercent(Double value) {
            usersAffectedPercent = Change.to(value);
            return this;
        }

        public Builder servicesAffected(List<String> value) {
            servicesAffected = Change.to(value);
            return this;
        }

        public Builder businessImpact(String value) {
            businessImpact = Change.to(value);
            return this;
        }

        public Builder contributingFactors(List<String> value) {
            contributingFactors = Change.to(value);
            return this;
        }

        public Builder whyNotCaughtEarlier(String value) {
            whyNotCaughtEarlier = Change.to(value);
            return this;
        }

        public Builder lessonsLearned(List<String> value) {
            lessonsLearned = Change.to(value);
            return this;
        }

        private static <T> List<T> appended(Change<List<T>> list, T element) {
            List<T> elements = new ArrayList<>(list.isSet() && list.value() != null ? list.value() : List.of());
            elements.add(element);
            return elements;
        }

        public Builder tags(List<String> value) {
            tags = Change.to(value);
            return this;
        }

        public Builder category(String value) {
            category = Change.to(value);
            return this;
        }

        public PostMortemInput build() {
            return new PostMortemInput(templateId, status, incidentId, title, summary, impact, rootCause, timeline,
                    actionItems, contributors, incidentDate, timeZone, usersAffected, usersAffectedPercent,
                    servicesAffected, businessImpact, contributingFactors, whyNotCaughtEarlier, lessonsLearned, tags,
                    category);
        }
    }
}
