package dev.postmortem.http;

import dev.postmortem.core.access.AllowedEdits;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Approval;
import dev.postmortem.core.classification.Category;
import dev.postmortem.core.export.CommentMarkdown;
import dev.postmortem.core.history.HistoryPage;
import dev.postmortem.core.followup.ActionItemList;
import dev.postmortem.core.followup.FollowUpItem;
import dev.postmortem.core.incident.Incident;
import dev.postmortem.core.model.Durations;
import dev.postmortem.core.model.ImpactDetails;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.RootCauseDetails;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.postmortem.IncidentPostMortems;
import dev.postmortem.core.postmortem.PostMortemList;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.model.Comment;
import dev.postmortem.core.review.CommentPage;
import dev.postmortem.core.review.CommentView;
import dev.postmortem.core.review.Finding;
import dev.postmortem.core.review.Readiness;
import dev.postmortem.core.review.Severity;
import dev.postmortem.core.template.Template;
import dev.postmortem.core.template.TemplateHints;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Duration;
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
                                         AllowedEdits allowedEdits, LocalDate today) {
        PostMortemContent content = pm.content();
        ImpactDetails impact = content.impactDetails();
        RootCauseDetails rootCause = content.rootCauseDetails();
        return new PostMortemDocument(pm.id(), content.incidentId(), content.title(), content.summary(),
                content.impact(), impact.usersAffected(), impact.usersAffectedPercent(), impact.servicesAffected(),
                impact.businessImpact(), content.rootCause(), rootCause.contributingFactors(),
                rootCause.whyNotCaughtEarlier(), rootCause.lessonsLearned(), content.incidentDate(),
                content.timeZone().getId(), content.timeline().stream().map(Documents::timelineEvent).toList(),
                durations(content.durations()),
                content.actionItems().stream().map(item -> actionItem(item, today)).toList(),
                content.contributors(), content.tags(), content.category(), pm.status(), pm.templateId(),
                pm.createdAt(), pm.createdBy(), pm.updatedAt(),
                pm.publishedAt(), pm.version(), allowedTransitions, allowedEdits,
                pm.statusHistory().stream().map(Documents::statusChange).toList(), approvals(pm));
    }

    static List<ApprovalDocument> approvals(PostMortem pm) {
        return pm.approvals().stream().map(approval -> new ApprovalDocument(approval.approvedBy(), approval.version(),
                approval.approvedAt(), pm.isStale(approval))).toList();
    }

    /** {@code stale}: the content changed after the approved version, so it does not count. */
    record ApprovalDocument(String approvedBy, long version, Instant approvedAt, boolean stale) {
    }

    /** {@code requiredApprovals}: how many current approvals publishing needs on this host. */
    record ApprovalListDocument(List<ApprovalDocument> items, int requiredApprovals) {
    }

    static Items<Category> categories(List<Category> categories) {
        return new Items<>(categories);
    }

    static HistoryDocument history(HistoryPage page) {
        return new HistoryDocument(page.items().stream().map(entry -> new HistoryEntryDocument(entry.version(),
                entry.changedBy(), entry.changedAt(), entry.changes().stream().map(change -> new ChangeDocument(
                        change.field(), historyValue(change.before()), historyValue(change.after()))).toList()))
                .toList(), page.nextCursor());
    }

    /** Elements as the document shows them, without what depends on the day they are read. */
    private static Object historyValue(Object value) {
        if (value instanceof TimelineEvent event) {
            return timelineEvent(event);
        }
        if (value instanceof ActionItem item) {
            return new ItemVersionDocument(item.id(), item.description(), item.owner(), item.status(),
                    item.priority(), item.dueDate(), item.trackerKey(), item.trackerUrl());
        }
        if (value instanceof Approval approval) {
            return new ApprovedVersionDocument(approval.approvedBy(), approval.version(), approval.approvedAt());
        }
        return value;
    }

    record HistoryDocument(List<HistoryEntryDocument> items, String nextCursor) {
    }

    record HistoryEntryDocument(long version, String changedBy, Instant changedAt, List<ChangeDocument> changes) {
    }

    record ChangeDocument(String field, Object before, Object after) {
    }

    record ItemVersionDocument(UUID id, String description, String owner, ActionItemStatus status,
                               Priority priority, LocalDate dueDate, String trackerKey, String trackerUrl) {
    }

    record ApprovedVersionDocument(String approvedBy, long version, Instant approvedAt) {
    }

    record PostMortemDocument(UUID id, String incidentId, String title, String summary, String impact,
                              Long usersAffected, Double usersAffectedPercent, List<String> servicesAffected,
                              String businessImpact, String rootCause, List<String> contributingFactors,
                              String whyNotCaughtEarlier, List<String> lessonsLearned, LocalDate incidentDate,
                              String timeZone, List<EventDocument> timeline, DurationsDocument durations,
                              List<ItemDocument> actionItems,
                              List<String> contributors, List<String> tags, String category,
                              PostMortemStatus status, String templateId,
                              Instant createdAt, String createdBy, Instant updatedAt, Instant publishedAt,
                              long version, List<PostMortemStatus> allowedTransitions, AllowedEdits allowedEdits,
                              List<StatusChangeDocument> statusHistory, List<ApprovalDocument> approvals) {
    }

    private static DurationsDocument durations(Durations durations) {
        return new DurationsDocument(iso(durations.timeToDetect()), iso(durations.timeToAcknowledge()),
                iso(durations.timeToMitigate()), iso(durations.timeToResolve()), iso(durations.impactDuration()));
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    /** Each an ISO-8601 duration ({@code PT15M}), {@code null} when a key moment it needs is not marked. */
    record DurationsDocument(String timeToDetect, String timeToAcknowledge, String timeToMitigate,
                             String timeToResolve, String impactDuration) {
    }

    static EventDocument timelineEvent(TimelineEvent event) {
        return new EventDocument(event.id(), event.time().text(), event.description(), event.keyMoment());
    }

    record EventDocument(UUID id, String time, String description, KeyMoment keyMoment) {
    }

    /** An action item; {@code overdue} as of {@code today}, the caller's tenant's date. */
    static ItemDocument actionItem(ActionItem item, LocalDate today) {
        return new ItemDocument(item.id(), item.description(), item.owner(), item.status(), item.priority(),
                item.dueDate(), item.trackerKey(), item.trackerUrl(), item.isOverdue(today));
    }

    record ItemDocument(UUID id, String description, String owner, ActionItemStatus status, Priority priority,
                        LocalDate dueDate, String trackerKey, String trackerUrl, boolean overdue) {
    }

    /** A page of action items across post-mortems, each with its post-mortem. */
    static ActionItemListDocument actionItems(ActionItemList list, LocalDate today) {
        return new ActionItemListDocument(list.items().stream().map(row -> {
            ActionItem item = row.item();
            FollowUpItem.PostMortemRef pm = row.postMortem();
            return new FollowUpItemDocument(item.id(), item.description(), item.owner(), item.status(),
                    item.priority(), item.dueDate(), item.trackerKey(), item.trackerUrl(), item.isOverdue(today),
                    new PostMortemRefDocument(pm.id(), pm.title(), pm.status(), pm.incidentId()));
        }).toList(), list.nextCursor());
    }

    record ActionItemListDocument(List<FollowUpItemDocument> items, String nextCursor) {
    }

    record FollowUpItemDocument(UUID id, String description, String owner, ActionItemStatus status, Priority priority,
                                LocalDate dueDate, String trackerKey, String trackerUrl, boolean overdue,
                                PostMortemRefDocument postMortem) {
    }

    record PostMortemRefDocument(UUID id, String title, PostMortemStatus status, String incidentId) {
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

    static SummaryDocument summary(PostMortemSummary s) {
        return new SummaryDocument(s.id(), s.incidentId(), s.title(), s.status(), s.templateId(), s.createdAt(),
                s.createdBy(), s.updatedAt(), s.publishedAt(), s.version(), s.actionItemCounts(), s.tags(),
                s.category(), s.highlight() == null ? null : new HighlightDocument(s.highlight().field(),
                        s.highlight().text(), s.highlight().matches().stream()
                                .map(match -> new int[] {match.start(), match.end()}).toList()));
    }

    record SummaryDocument(UUID id, String incidentId, String title, PostMortemStatus status, String templateId,
                           Instant createdAt, String createdBy, Instant updatedAt, Instant publishedAt,
                           long version, PostMortemSummary.ActionItemCounts actionItemCounts, List<String> tags,
                           String category, HighlightDocument highlight) {
    }

    /** A search hit's passage: plain text and {@code [start, end)} offsets of the words in it, no markup. */
    record HighlightDocument(String field, String text, List<int[]> matches) {
    }

    /** {@code {"items": [...]}}: the template catalog, the elements of one list. */
    record Items<T>(List<T> items) {
    }

    static Items<TemplateDocument> templates(List<Template> templates) {
        return new Items<>(templates.stream().map(Documents::template).toList());
    }

    /**
     * A template: its title pattern, the hints shown to the author, the events it suggests (no
     * times: the author adds them with the real one) and its items as they will be pre-filled.
     */
    static TemplateDocument template(Template template) {
        TemplateHints hints = template.hints();
        return new TemplateDocument(template.id(), template.name(), template.description(), template.title(),
                new HintsDocument(hints.summary(), hints.impact(), hints.rootCause(), hints.businessImpact(),
                        hints.contributingFactors(), hints.whyNotCaughtEarlier(), hints.lessonsLearned()),
                template.timeline().stream()
                        .map(e -> new TemplateEventDocument(e.description(), e.keyMoment())).toList(),
                template.actionItems().stream().map(Documents::templateItem).toList());
    }

    record TemplateDocument(String id, String name, String description, String title, HintsDocument hints,
                            List<TemplateEventDocument> timeline, List<TemplateItemDocument> actionItems) {
    }

    record HintsDocument(String summary, String impact, String rootCause, String businessImpact,
                         String contributingFactors, String whyNotCaughtEarlier, String lessonsLearned) {
    }

    record TemplateEventDocument(String description, KeyMoment keyMoment) {
    }

    /** As it will be pre-filled: the defaults of a new item applied. */
    private static TemplateItemDocument templateItem(ActionItemInput input) {
        ActionItem item = input.whole().create(TEMPLATE_ITEM);
        return new TemplateItemDocument(item.description(), item.owner(), item.status(), item.priority(),
                item.dueDate());
    }

    /** Stands in for the id a template's item gets when it is used; never written. */
    private static final UUID TEMPLATE_ITEM = new UUID(0, 0);

    record TemplateItemDocument(String description, String owner, ActionItemStatus status, Priority priority,
                                LocalDate dueDate) {
    }

    static Items<IncidentDocument> incidents(List<Incident> incidents) {
        return new Items<>(incidents.stream().map(Documents::incident).toList());
    }

    private static IncidentDocument incident(Incident i) {
        return new IncidentDocument(i.id(), i.title(), i.severity(), i.status(), i.url(), i.startedAt(),
                i.detectedAt(), i.acknowledgedAt(), i.mitigatedAt(), i.resolvedAt(), i.services());
    }

    record IncidentDocument(String id, String title, String severity, String status, String url, Instant startedAt,
                            Instant detectedAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt,
                            List<String> services) {
    }

    /** An incident with the post-mortems written for it that the caller may see, newest first. */
    static IncidentPostMortemsDocument incident(IncidentPostMortems found) {
        Incident i = found.incident();
        return new IncidentPostMortemsDocument(i.id(), i.title(), i.severity(), i.status(), i.url(), i.startedAt(),
                i.detectedAt(), i.acknowledgedAt(), i.mitigatedAt(), i.resolvedAt(), i.services(),
                found.postMortems().stream().map(Documents::summary).toList());
    }

    record IncidentPostMortemsDocument(String id, String title, String severity, String status, String url,
                                       Instant startedAt, Instant detectedAt, Instant acknowledgedAt,
                                       Instant mitigatedAt, Instant resolvedAt, List<String> services,
                                       List<SummaryDocument> postMortems) {
    }

    static ReadinessDocument readiness(Readiness readiness) {
        return new ReadinessDocument(readiness.ready(), findings(readiness.findings()));
    }

    static List<FindingDocument> findings(List<Finding> findings) {
        return findings.stream().map(f -> new FindingDocument(f.rule(), f.severity(), f.field(), f.message(),
                f.suggestion())).toList();
    }

    record ReadinessDocument(boolean ready, List<FindingDocument> findings) {
    }

    record FindingDocument(String rule, Severity severity, String field, String message, String suggestion) {
    }

    static CommentListDocument comments(CommentPage page) {
        return new CommentListDocument(page.items().stream().map(Documents::comment).toList(), page.nextCursor());
    }

    private static final CommentMarkdown COMMENT_MARKDOWN = new CommentMarkdown();

    /** {@code bodyHtml}: the body's Markdown as a safe HTML fragment, for clients that show it rendered. */
    static CommentDocument comment(CommentView view) {
        Comment c = view.comment();
        return new CommentDocument(c.id(), c.body(), COMMENT_MARKDOWN.toHtml(c.body()), c.anchor(), c.inReplyTo(),
                c.author(), c.createdAt(), c.updatedAt(), c.resolved(), c.resolvedBy(), c.resolvedAt(),
                view.anchorRemoved());
    }

    record CommentListDocument(List<CommentDocument> items, String nextCursor) {
    }

    record CommentDocument(UUID id, String body, String bodyHtml, String anchor, UUID inReplyTo, String author,
                           Instant createdAt,
                           Instant updatedAt, boolean resolved, String resolvedBy, Instant resolvedAt,
                           boolean anchorRemoved) {
    }
}
