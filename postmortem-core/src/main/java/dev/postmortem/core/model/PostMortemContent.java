package dev.postmortem.core.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The part of a post-mortem that its authors write. The timeline is always kept in
 * chronological order (times of day placed on {@code incidentDate} in {@code timeZone}),
 * events at the same time in the order they were added: the constructor sorts stably, so no
 * caller can store an unordered timeline.
 *
 * @param summary empty when not written yet
 * @param impact optional, {@code null} when not written yet
 * @param rootCause optional, {@code null} when not written yet
 * @param contributors e-mail addresses (lower case) of the people who may edit the draft
 * @param incidentDate the day of the incident, on which times of day are placed; optional
 * @param timeZone where the incident's local times were read; UTC unless the author names one
 */
public record PostMortemContent(String incidentId, String title, String summary, String impact,
                                String rootCause, List<TimelineEvent> timeline,
                                List<ActionItem> actionItems, List<String> contributors,
                                LocalDate incidentDate, ZoneId timeZone, ImpactDetails impactDetails,
                                RootCauseDetails rootCauseDetails, List<String> tags, String category) {

    /** The zone of a post-mortem that names none. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");

    private static final PostMortemContent NOTHING_WRITTEN = new PostMortemContent("", "", "", null, null,
            List.of(), List.of(), List.of());

    public PostMortemContent {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
        impactDetails = impactDetails == null ? ImpactDetails.NONE : impactDetails;
        rootCauseDetails = rootCauseDetails == null ? RootCauseDetails.NONE : rootCauseDetails;
        timeline = chronological(timeline, incidentDate, timeZone);
        actionItems = List.copyOf(actionItems);
        contributors = List.copyOf(contributors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Content without tags or a category. */
    public PostMortemContent(String incidentId, String title, String summary, String impact, String rootCause,
                             List<TimelineEvent> timeline, List<ActionItem> actionItems, List<String> contributors,
                             LocalDate incidentDate, ZoneId timeZone, ImpactDetails impactDetails,
                             RootCauseDetails rootCauseDetails) {
        this(incidentId, title, summary, impact, rootCause, timeline, actionItems, contributors, incidentDate, timeZone,
                impactDetails, rootCauseDetails, List.of(), null);
    }

    /** Content without a date, in UTC, and without impact or root cause details. */
    public PostMortemContent(String incidentId, String title, String summary, String impact, String rootCause,
                             List<TimelineEvent> timeline, List<ActionItem> actionItems, List<String> contributors) {
        this(incidentId, title, summary, impact, rootCause, timeline, actionItems, contributors, null, null, null,
                null);
    }

    /** How long the incident took, from the key moments the timeline marks. */
    public Durations durations() {
        return Durations.of(TimelineRules.keyMoments(timeline, incidentDate, timeZone));
    }

    /** The content of a new post-mortem from validated {@link PostMortemInput#whole() whole} input. */
    public static PostMortemContent of(PostMortemInput input, Supplier<UUID> newIds) {
        return NOTHING_WRITTEN.apply(input, newIds);
    }

    /**
     * This content with validated input applied: what the input sets replaces what is here.
     * One-line fields are trimmed, blank optional sections removed, contributors' addresses
     * lower-cased; new elements get ids from {@code newIds}, elements naming an id keep it.
     *
     * @throws InvalidInputException when an element names an id this content does not have,
     *     or one id twice
     */
    public PostMortemContent apply(PostMortemInput input, Supplier<UUID> newIds) {
        List<FieldError> errors = new ArrayList<>();
        List<TimelineEvent> newTimeline = input.timeline().isSet()
                ? elements(ElementList.TIMELINE, input.timeline().value(), newIds, errors) : timeline;
        List<ActionItem> newItems = input.actionItems().isSet()
                ? elements(ElementList.ACTION_ITEMS, input.actionItems().value(), newIds, errors) : actionItems;
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate newDate = input.incidentDate().orElse(incidentDate);
        ZoneId newZone = input.timeZone().map(PostMortemContent::zone).orElse(timeZone);
        List<FieldError> timelineErrors = TimelineRules.problems(newTimeline, newDate, newZone);
        if (!timelineErrors.isEmpty()) {
            throw new InvalidInputException(timelineErrors);
        }
        ImpactDetails impactNow = new ImpactDetails(
                input.usersAffected().orElse(impactDetails.usersAffected()),
                input.usersAffectedPercent().orElse(impactDetails.usersAffectedPercent()),
                input.servicesAffected().map(PostMortemContent::stripped).orElse(impactDetails.servicesAffected()),
                input.businessImpact().map(PostMortemContent::blankToNull).orElse(impactDetails.businessImpact()));
        RootCauseDetails rootCauseNow = new RootCauseDetails(
                input.contributingFactors().map(PostMortemContent::stripped)
                        .orElse(rootCauseDetails.contributingFactors()),
                input.whyNotCaughtEarlier().map(PostMortemContent::blankToNull)
                        .orElse(rootCauseDetails.whyNotCaughtEarlier()),
                input.lessonsLearned().map(PostMortemContent::stripped).orElse(rootCauseDetails.lessonsLearned()));
        return new PostMortemContent(
                input.incidentId().map(String::strip).orElse(incidentId),
                input.title().map(String::strip).orElse(title),
                input.summary().map(text -> text == null ? "" : text).orElse(summary),
                input.impact().map(PostMortemContent::blankToNull).orElse(impact),
                input.rootCause().map(PostMortemContent::blankToNull).orElse(rootCause),
                newTimeline, newItems,
                input.contributors().map(PostMortemContent::addresses).orElse(contributors),
                newDate, newZone, impactNow, rootCauseNow,
                input.tags().map(Tags::normalize).orElse(tags),
                input.category().map(PostMortemContent::blankToNull).orElse(category));
    }

    public PostMortemContent withTimeline(List<TimelineEvent> events) {
        return new PostMortemContent(incidentId, title, summary, impact, rootCause, events, actionItems,
                contributors, incidentDate, timeZone, impactDetails, rootCauseDetails, tags, category);
    }

    public PostMortemContent withActionItems(List<ActionItem> items) {
        return new PostMortemContent(incidentId, title, summary, impact, rootCause, timeline, items, contributors,
                incidentDate, timeZone, impactDetails, rootCauseDetails, tags, category);
    }

    private <E, I extends ElementInput<E>> List<E> elements(ElementList<E> list, List<I> inputs,
                                                            Supplier<UUID> newIds, List<FieldError> errors) {
        Set<UUID> known = new HashSet<>();
        list.elements().apply(this).forEach(element -> known.add(list.idOf().apply(element)));
        Set<UUID> seen = new HashSet<>();
        List<E> result = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            I input = inputs.get(i);
            UUID id = input.id();
            String field = list.field() + "[" + i + "].id";
            if (id == null) {
                id = newIds.get();
            } else if (!known.contains(id)) {
                errors.add(new FieldError(field, "no " + list.noun() + " with this id in this post-mortem;"
                        + " leave the id out to add a new " + list.noun()));
            } else if (!seen.add(id)) {
                errors.add(new FieldError(field, "the same " + list.noun() + " id appears more than once"));
            }
            result.add(input.create(id));
        }
        return result;
    }

    // Addresses are compared without regard to case; storing them lower-cased keeps the
    // comparison in SQL and in memory the same.
    private static List<String> addresses(List<String> given) {
        Set<String> unique = new LinkedHashSet<>();
        given.forEach(address -> unique.add(address.strip().toLowerCase(Locale.ROOT)));
        return List.copyOf(unique);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<String> stripped(List<String> entries) {
        return entries.stream().map(String::strip).toList();
    }

    private static ZoneId zone(String id) {
        return id == null ? DEFAULT_TIME_ZONE : ZoneId.of(id);
    }

    private static List<TimelineEvent> chronological(List<TimelineEvent> events, LocalDate date, ZoneId zone) {
        List<TimelineEvent> sorted = new ArrayList<>(events);
        // List.sort is stable, which is what keeps ties in insertion order.
        sorted.sort(TimelineRules.chronological(date, zone));
        return List.copyOf(sorted);
    }
}
