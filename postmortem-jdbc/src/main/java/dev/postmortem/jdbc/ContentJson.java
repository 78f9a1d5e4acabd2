package dev.postmortem.jdbc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Approval;
import dev.postmortem.core.model.ImpactDetails;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.RootCauseDetails;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.List;
import java.util.UUID;

/**
 * The JSON in {@code pm_post_mortem.content}: a post-mortem's timeline, action items, status
 * history and the details of its impact and root cause. A format of its own, not the core's
 * records, so that the model can change without rewriting stored rows; the V2 migration writes
 * exactly this shape from the V1 tables, and what a row lacks (details, key moments, written
 * before V3) reads as not written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ContentJson(List<Event> timeline, List<Item> actionItems, List<Change> statusHistory, Impact impact,
                   RootCause rootCause, List<Approved> approvals, Long contentVersion) {

    // Unknown properties are ignored: a row written by a later release still reads. Blackbird
    // binds the records through generated lambdas instead of reflection.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new BlackbirdModule());
    private static final ObjectReader READER = MAPPER.readerFor(ContentJson.class);
    private static final ObjectWriter WRITER = MAPPER.writerFor(ContentJson.class);

    ContentJson {
        timeline = timeline == null ? List.of() : timeline;
        actionItems = actionItems == null ? List.of() : actionItems;
        statusHistory = statusHistory == null ? List.of() : statusHistory;
        approvals = approvals == null ? List.of() : approvals;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Event(UUID id, String time, String description, String keyMoment) {
        static Event of(TimelineEvent e) {
            return new Event(e.id(), e.time().text(), e.description(), e.keyMoment() == null ? null : e.keyMoment().name());
        }

        TimelineEvent model() {
            return new TimelineEvent(id, TimelineTime.parse(time), description,
                    keyMoment == null ? null : KeyMoment.valueOf(keyMoment));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Impact(Long usersAffected, Double usersAffectedPercent, List<String> servicesAffected,
                  String businessImpact) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record RootCause(List<String> contributingFactors, String whyNotCaughtEarlier, List<String> lessonsLearned) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(UUID id, String description, String owner, String status, String priority, String dueDate,
                String trackerKey, String trackerUrl) {
        static Item of(ActionItem i) {
            return new Item(i.id(), i.description(), i.owner(), i.status().name(), i.priority().name(),
                    i.dueDate() == null ? null : i.dueDate().toString(), i.trackerKey(), i.trackerUrl());
        }

        ActionItem model() {
            return new ActionItem(id, description, owner, ActionItemStatus.valueOf(status), Priority.valueOf(priority),
                    dueDate == null ? null : ContentTimes.date(dueDate), trackerKey, trackerUrl);
        }
    }

    /** One reviewer's approval of a version. */
    record Approved(String by, long version, String at) {
        static Approved of(Approval a) {
            return new Approved(a.approvedBy(), a.version(), a.approvedAt().toString());
        }

        Approval model() {
            return new Approval(by, version, ContentTimes.instant(at));
        }
    }

    /** One status change; {@code from} is absent for the creation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(String from, String to, String by, String at) {
    }

    static String write(PostMortem postMortem) {
        List<Event> timeline = postMortem.content().timeline().stream().map(Event::of).toList();
        List<Item> items = postMortem.content().actionItems().stream().map(Item::of).toList();
        List<Change> history = postMortem.statusHistory().stream()
                .map(c -> new Change(c.from() == null ? null : c.from().name(), c.to().name(), c.changedBy(),
                        c.changedAt().toString())).toList();
        try {
            ImpactDetails impact = postMortem.content().impactDetails();
            RootCauseDetails rootCause = postMortem.content().rootCauseDetails();
            return WRITER.writeValueAsString(new ContentJson(timeline, items, history,
                    impact.isEmpty() ? null : new Impact(impact.usersAffected(), impact.usersAffectedPercent(),
                            impact.servicesAffected(), impact.businessImpact()),
                    rootCause.isEmpty() ? null : new RootCause(rootCause.contributingFactors(),
                            rootCause.whyNotCaughtEarlier(), rootCause.lessonsLearned()),
                    postMortem.approvals().isEmpty() ? null : postMortem.approvals().stream()
                            .map(Approved::of).toList(),
                    postMortem.contentVersion()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A post-mortem's content could not be written as JSON", e);
        }
    }

    static ContentJson read(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pm_post_mortem.content is not the JSON this release reads", e);
        }
    }

    List<TimelineEvent> events() {
        return timeline.stream().map(Event::model).toList();
    }

    ImpactDetails impactDetails() {
        return impact == null ? ImpactDetails.NONE : new ImpactDetails(impact.usersAffected(),
                impact.usersAffectedPercent(), impact.servicesAffected(), impact.businessImpact());
    }

    RootCauseDetails rootCauseDetails() {
        return rootCause == null ? RootCauseDetails.NONE : new RootCauseDetails(rootCause.contributingFactors(),
                rootCause.whyNotCaughtEarlier(), rootCause.lessonsLearned());
    }

    List<ActionItem> items() {
        return actionItems.stream().map(Item::model).toList();
    }

    List<Approval> approved() {
        return approvals.stream().map(Approved::model).toList();
    }

    /** Rows written before approvals existed hold the content of their own {@code version}. */
    long contentVersionOr(long version) {
        return contentVersion == null ? version : contentVersion;
    }

    List<StatusChange> history() {
        return statusHistory.stream().map(c -> new StatusChange(c.from() == null ? null : PostMortemStatus.valueOf(
                c.from()), PostMortemStatus.valueOf(c.to()), c.by(), ContentTimes.instant(c.at()))).toList();
    }
}
