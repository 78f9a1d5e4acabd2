package dev.postmortem.core.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The action items of every post-mortem, asked across post-mortems: answered by the database
 * with its indexes, never by loading documents.
 */
public interface ActionItemRepository {

    /** One page, as {@link ActionItemQuery} describes it. */
    ActionItemPage list(ActionItemQuery query);

    /**
     * Items of every tenant that are not DONE and are due before {@code end} (exclusive), of
     * post-mortems past DRAFT (a draft is private to its authors; a reminder would show its title
     * to an owner who may not open it), each with its post-mortem: what reminders start from.
     */
    List<FollowUpItem> openItemsDueBefore(LocalDate end);

    /**
     * Records that {@code itemId} was reminded of on {@code day}; {@code false} when that was
     * recorded already, by this node or another. Atomic: of two concurrent calls one wins.
     */
    boolean recordReminder(UUID itemId, LocalDate day);
}
