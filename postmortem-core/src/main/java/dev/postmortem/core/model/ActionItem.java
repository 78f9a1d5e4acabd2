package dev.postmortem.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A follow-up task that keeps the incident from happening again.
 *
 * @param owner who is responsible; {@code null} while nobody is assigned (as in templates)
 * @param dueDate when it should be done; {@code null} when no date was agreed
 * @param trackerKey the item's key in the team's tracker ({@code OPS-123}), {@code null} when none
 * @param trackerUrl the item's page in the tracker, http or https, {@code null} when none
 */
public record ActionItem(UUID id, String description, String owner, ActionItemStatus status,
                         Priority priority, LocalDate dueDate, String trackerKey, String trackerUrl) {

    public ActionItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
    }

    /** An item not linked to a tracker. */
    public ActionItem(UUID id, String description, String owner, ActionItemStatus status, Priority priority,
                      LocalDate dueDate) {
        this(id, description, owner, status, priority, dueDate, null, null);
    }

    public ActionItem withStatus(ActionItemStatus newStatus) {
        return new ActionItem(id, description, owner, newStatus, priority, dueDate, trackerKey, trackerUrl);
    }

    /**
     * This item with {@code other}'s follow-up bookkeeping (status and tracker link): what may
     * still change once the post-mortem is published.
     */
    public ActionItem withFollowUpOf(ActionItem other) {
        return new ActionItem(id, description, owner, other.status, priority, dueDate, other.trackerKey,
                other.trackerUrl);
    }

    public boolean isDone() {
        return status == ActionItemStatus.DONE;
    }

    /** Not done and due before {@code today} (the tenant's today: the caller decides the zone). */
    public boolean isOverdue(LocalDate today) {
        return !isDone() && dueDate != null && dueDate.isBefore(today);
    }
}
