package dev.postmortem.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A follow-up task that keeps the incident from happening again.
 *
 * @param owner who is responsible; {@code null} while nobody is assigned (as in templates)
 * @param dueDate when it should be done; {@code null} when no date was agreed
 */
public record ActionItem(UUID id, String description, String owner, ActionItemStatus status,
                         Priority priority, LocalDate dueDate) {

    public ActionItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
    }

    public ActionItem withStatus(ActionItemStatus newStatus) {
        return new ActionItem(id, description, owner, newStatus, priority, dueDate);
    }

    public boolean isDone() {
        return status == ActionItemStatus.DONE;
    }
}
