package dev.postmortem.core.model;

import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.core.workflow.StatusWorkflow;
import dev.postmortem.core.workflow.WorkflowViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The post-mortem aggregate: an incident's documentation, its timeline and action items,
 * and where it stands in the workflow. It is immutable; every change returns a new value and
 * is refused with a {@link WorkflowViolationException} when the current status forbids it.
 * Who may make a change is decided outside, by the access rules; what may change is decided
 * here.
 *
 * @param tenantId the workspace the post-mortem belongs to; nothing crosses it
 * @param templateId the template it was started from, {@code null} when none
 * @param version bumped by the repository on every stored change (optimistic locking)
 * @param publishedAt set when it is first published, {@code null} before
 * @param statusHistory every status it has been in, oldest first, starting with its creation
 * @param approvals the reviewers' approvals, one per reviewer, oldest first
 * @param contentVersion the version at which the content last changed: approvals of an
 *     earlier version are stale
 */
public record PostMortem(UUID id, String tenantId, String templateId, PostMortemStatus status,
                         PostMortemContent content, Instant createdAt, String createdBy,
                         Instant updatedAt, Instant publishedAt, long version,
                         List<StatusChange> statusHistory, List<Approval> approvals, long contentVersion) {

    public PostMortem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        statusHistory = List.copyOf(statusHistory);
        approvals = List.copyOf(approvals);
    }

    /** A post-mortem without approvals whose content is that of {@code version}. */
    public PostMortem(UUID id, String tenantId, String templateId, PostMortemStatus status,
                      PostMortemContent content, Instant createdAt, String createdBy, Instant updatedAt,
                      Instant publishedAt, long version, List<StatusChange> statusHistory) {
        this(id, tenantId, templateId, status, content, createdAt, createdBy, updatedAt, publishedAt, version,
                statusHistory, List.of(), version);
    }

    /** A new post-mortem, created in {@code initialStatus} (DRAFT or IN_REVIEW) at version 1. */
    public static PostMortem start(UUID id, String tenantId, String templateId, PostMortemContent content,
                                   PostMortemStatus initialStatus, StatusWorkflow workflow,
                                   String createdBy, Instant now) {
        workflow.checkInitial(initialStatus);
        return new PostMortem(id, tenantId, templateId, initialStatus, content, now, createdBy, now, null, 1,
                List.of(new StatusChange(null, initialStatus, createdBy, now)));
    }

    /**
     * Replaces the written content. DRAFT and IN_REVIEW accept any change; PUBLISHED only
     * changes to the status of action items; ARCHIVED nothing.
     */
    public PostMortem edit(PostMortemContent newContent, Instant now) {
        ContentDifference difference = ContentDifference.between(content, newContent);
        if (difference.isEmpty()) {
            return this;
        }
        boolean allowed = status.allowsContentEdits()
                || (status.allowsActionItemStatusEdits() && difference.onlyActionItemStatusesChanged());
        if (!allowed) {
            throw new WorkflowViolationException(lockedMessage(difference), List.of());
        }
        // the repository stores the change as the next version
        return new PostMortem(id, tenantId, templateId, status, newContent, createdAt, createdBy, now,
                publishedAt, version, statusHistory, approvals, version + 1);
    }

    private String lockedMessage(ContentDifference difference) {
        String fields = String.join(", ", difference.changedFields());
        if (status == PostMortemStatus.ARCHIVED) {
            return "The post-mortem is ARCHIVED and read-only; cannot change " + fields + ".";
        }
        return "The post-mortem is " + status + ": only the status of action items may change, not "
                + (difference.changedFields().contains("actionItems") && difference.changedFields().size() == 1
                        ? "their other fields" : fields) + ".";
    }

    /**
     * Moves the post-mortem to {@code target}. Publishing stamps {@code publishedAt}; archiving
     * is refused, naming them, while any action item is not DONE.
     */
    public PostMortem transitionTo(PostMortemStatus target, StatusWorkflow workflow, String actorId, Instant now) {
        workflow.checkTransition(status, target);
        if (target == PostMortemStatus.ARCHIVED) {
            List<ActionItem> open = openActionItems();
            if (!open.isEmpty()) {
                throw new WorkflowViolationException("Cannot archive while " + open.size()
                        + " action item(s) are not DONE: "
                        + open.stream().map(item -> "\"" + item.description() + "\" (" + item.status() + ")")
                                .collect(Collectors.joining(", ")) + ".",
                        workflow.allowedFrom(status).stream().filter(s -> s != PostMortemStatus.ARCHIVED).toList());
            }
        }
        Instant published = publishedAt == null && target == PostMortemStatus.PUBLISHED ? now : publishedAt;
        List<StatusChange> history = new ArrayList<>(statusHistory);
        history.add(new StatusChange(status, target, actorId, now));
        return new PostMortem(id, tenantId, templateId, target, content, createdAt, createdBy, now,
                published, version, history, approvals, contentVersion);
    }

    /**
     * The statuses this post-mortem can move to now: the workflow's arrows from its status,
     * without ARCHIVED while action items are open.
     */
    public List<PostMortemStatus> possibleTransitions(StatusWorkflow workflow) {
        return workflow.allowedFrom(status).stream()
                .filter(target -> target != PostMortemStatus.ARCHIVED || openActionItems().isEmpty())
                .toList();
    }

    /** Action items not yet DONE, in their order. */
    public List<ActionItem> openActionItems() {
        return content.actionItems().stream().filter(item -> !item.isDone()).toList();
    }

    /** Refuses to delete a published or archived post-mortem: archive it instead. */
    public void checkDeletable() {
        if (!status.allowsDeletion()) {
            throw new WorkflowViolationException("A " + status + " post-mortem cannot be deleted;"
                    + (status == PostMortemStatus.PUBLISHED ? " archive it instead." : " it is kept as a record."),
                    List.of());
        }
    }

    /** The same post-mortem at another stored version; used by repositories. */
    public PostMortem withVersion(long newVersion) {
        return new PostMortem(id, tenantId, templateId, status, content, createdAt, createdBy, updatedAt,
                publishedAt, newVersion, statusHistory, approvals, contentVersion);
    }

    /**
     * {@code reviewer}'s approval of this version, replacing any earlier one of theirs. Only a
     * post-mortem that is still being written or reviewed takes approvals.
     */
    public PostMortem approve(String reviewer, Instant now) {
        if (!status.allowsContentEdits()) {
            throw new WorkflowViolationException("The post-mortem is " + status
                    + ": approvals are given before it is published.", List.of());
        }
        List<Approval> next = new ArrayList<>(approvals.stream()
                .filter(approval -> !approval.approvedBy().equals(reviewer)).toList());
        next.add(new Approval(reviewer, version, now));
        return new PostMortem(id, tenantId, templateId, status, content, createdAt, createdBy, now, publishedAt,
                version, statusHistory, next, contentVersion);
    }

    /** Whether the content changed after {@code approval}'s version. */
    public boolean isStale(Approval approval) {
        return approval.version() < contentVersion;
    }

    /** The approvals of the content as it is now. */
    public List<Approval> currentApprovals() {
        return approvals.stream().filter(approval -> !isStale(approval)).toList();
    }

    public Optional<ActionItem> actionItem(UUID itemId) {
        return content.actionItems().stream().filter(item -> item.id().equals(itemId)).findFirst();
    }

    public Optional<TimelineEvent> timelineEvent(UUID eventId) {
        return content.timeline().stream().filter(event -> event.id().equals(eventId)).findFirst();
    }
}
