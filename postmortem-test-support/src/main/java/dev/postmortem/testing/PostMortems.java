package dev.postmortem.testing;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.ImpactDetails;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.RootCauseDetails;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds stored post-mortems directly, for repository tests that need exact field values. By
 * default every field is written, so that a round trip through storage checks them all.
 */
public final class PostMortems {

    private UUID id = UUID.randomUUID();
    private String tenantId = "acme";
    private String createdBy = "creator@example.com";
    private PostMortemStatus status = PostMortemStatus.DRAFT;
    private Instant createdAt = Instant.parse("2024-01-15T16:00:00Z");
    private String incidentId = "INC-1";
    private String title = "Database outage";
    private String summary = "The primary database stopped accepting connections.";
    private String impact = "Checkout failed for 20 minutes.";
    private String rootCause = "Connection pool exhausted.";
    private List<String> contributors = new ArrayList<>();
    private List<TimelineEvent> timeline = new ArrayList<>(List.of(
            new TimelineEvent(UUID.randomUUID(), TimelineTime.parse("14:30"), "Alert fired", KeyMoment.DETECTED),
            new TimelineEvent(UUID.randomUUID(), TimelineTime.parse("14:35"), "Engineer paged")));
    private LocalDate incidentDate = LocalDate.parse("2024-01-15");
    private ZoneId timeZone = ZoneId.of("Europe/Berlin");
    private ImpactDetails impactDetails = new ImpactDetails(1200L, 12.5, List.of("checkout", "payments"),
            "About 300 orders lost.");
    private RootCauseDetails rootCauseDetails = new RootCauseDetails(List.of("Pool sized for half the load"),
            "No alert on pool usage.", List.of("Alert on saturation, not on failure"));
    private List<ActionItem> actionItems = new ArrayList<>(List.of(
            new ActionItem(UUID.randomUUID(), "Add pool monitoring", "alice@example.com", ActionItemStatus.TODO,
                    Priority.HIGH, LocalDate.parse("2024-02-01")),
            new ActionItem(UUID.randomUUID(), "Write runbook", null, ActionItemStatus.IN_PROGRESS,
                    Priority.LOW, null)));

    private PostMortems() {
    }

    public static PostMortems postMortem() {
        return new PostMortems();
    }

    public PostMortems id(UUID value) {
        id = value;
        return this;
    }

    public PostMortems tenant(String value) {
        tenantId = value;
        return this;
    }

    public PostMortems createdBy(String value) {
        createdBy = value;
        return this;
    }

    public PostMortems status(PostMortemStatus value) {
        status = value;
        return this;
    }

    public PostMortems createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public PostMortems incidentId(String value) {
        incidentId = value;
        return this;
    }

    public PostMortems title(String value) {
        title = value;
        return this;
    }

    public PostMortems summary(String value) {
        summary = value;
        return this;
    }

    public PostMortems impact(String value) {
        impact = value;
        return this;
    }

    public PostMortems rootCause(String value) {
        rootCause = value;
        return this;
    }

    public PostMortems contributors(String... values) {
        contributors = List.of(values);
        return this;
    }

    public PostMortems timeline(List<TimelineEvent> values) {
        timeline = values;
        return this;
    }

    public PostMortems actionItems(List<ActionItem> values) {
        actionItems = values;
        return this;
    }

    public PostMortems incidentDate(LocalDate value) {
        incidentDate = value;
        return this;
    }

    public PostMortems timeZone(ZoneId value) {
        timeZone = value;
        return this;
    }

    public PostMortems impactDetails(ImpactDetails value) {
        impactDetails = value;
        return this;
    }

    public PostMortems rootCauseDetails(RootCauseDetails value) {
        rootCauseDetails = value;
        return this;
    }

    public PostMortem build() {
        List<StatusChange> history = new ArrayList<>();
        history.add(new StatusChange(null, PostMortemStatus.DRAFT, createdBy, createdAt));
        PostMortemStatus previous = PostMortemStatus.DRAFT;
        Instant at = createdAt;
        for (PostMortemStatus step : List.of(PostMortemStatus.IN_REVIEW, PostMortemStatus.PUBLISHED,
                PostMortemStatus.ARCHIVED)) {
            if (status.compareTo(step) < 0) {
                break;
            }
            at = at.plusSeconds(60);
            history.add(new StatusChange(previous, step, createdBy, at));
            previous = step;
        }
        Instant publishedAt = status.compareTo(PostMortemStatus.PUBLISHED) >= 0
                ? history.get(2).changedAt() : null;
        return new PostMortem(id, tenantId, null, status,
                new PostMortemContent(incidentId, title, summary, impact, rootCause, timeline, actionItems,
                        contributors, incidentDate, timeZone, impactDetails, rootCauseDetails),
                createdAt, createdBy, at, publishedAt, 1, history);
    }
}
