package dev.postmortem.core.event;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.Comment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Something that happened to a post-mortem, published after it was stored, so that hosts can
 * notify chat, sync trackers and the like.
 */
public sealed interface DomainEvent {

    /** The post-mortem it happened to. */
    UUID postMortemId();

    /** The tenant (workspace) the post-mortem belongs to. */
    String tenantId();

    /** The user whose call caused it. */
    String actorId();

    /** When it was stored. */
    Instant occurredAt();

    /** An event that carries the post-mortem as it is after the change, which says whose and where. */
    sealed interface AboutAPostMortem extends DomainEvent
            permits PostMortemCreated, PostMortemUpdated, StatusChanged, PostMortemApproved {

        PostMortem postMortem();

        @Override
        default UUID postMortemId() {
            return postMortem().id();
        }

        @Override
        default String tenantId() {
            return postMortem().tenantId();
        }
    }

    /** A post-mortem was created, as {@code postMortem} shows it. */
    record PostMortemCreated(PostMortem postMortem, String actorId, Instant occurredAt) implements AboutAPostMortem {
    }

    /** The written content changed (fields named by {@code changedFields}). */
    record PostMortemUpdated(PostMortem postMortem, Set<String> changedFields, String actorId,
                             Instant occurredAt) implements AboutAPostMortem {
    }

    /** The post-mortem moved from one status to another, such as IN_REVIEW to PUBLISHED. */
    record StatusChanged(PostMortem postMortem, PostMortemStatus from, PostMortemStatus to, String actorId,
                         Instant occurredAt) implements AboutAPostMortem {
    }

    /**
     * One action item was added ({@code before} null), changed, or removed ({@code after} null).
     */
    record ActionItemChanged(UUID postMortemId, String tenantId, ActionItem before, ActionItem after,
                             String actorId, Instant occurredAt) implements DomainEvent {
    }

    /**
     * An action item is overdue, or due within the reminders' lead time ({@code overdue} false),
     * on {@code day} in its tenant's zone: published once per item and day by the reminder run,
     * however many nodes run it, for a host to send to chat or e-mail.
     *
     * @param actorId {@link #REMINDERS}: no user caused it
     */
    record ActionItemOverdue(UUID postMortemId, String tenantId, String postMortemTitle, ActionItem item,
                             LocalDate day, boolean overdue, String actorId, Instant occurredAt)
            implements DomainEvent {
    }

    /** The actor of events nobody's call caused: the scheduled reminder run. */
    String REMINDERS = "postmortem:reminders";

    /** A reviewer approved the post-mortem as {@code postMortem} shows it (the approval is its last). */
    record PostMortemApproved(PostMortem postMortem, String actorId, Instant occurredAt) implements AboutAPostMortem {
    }

    /** A review comment was added, a thread started or answered. */
    record CommentAdded(Comment comment, String actorId, Instant occurredAt) implements DomainEvent {
        @Override
        public UUID postMortemId() {
            return comment.postMortemId();
        }

        @Override
        public String tenantId() {
            return comment.tenantId();
        }
    }

    /** A review thread was resolved ({@code resolved}) or reopened; {@code thread} as it is now. */
    record ThreadResolved(Comment thread, boolean resolved, String actorId, Instant occurredAt)
            implements DomainEvent {
        @Override
        public UUID postMortemId() {
            return thread.postMortemId();
        }

        @Override
        public String tenantId() {
            return thread.tenantId();
        }
    }

    /** A post-mortem was deleted; only its id is left to name it. */
    record PostMortemDeleted(UUID postMortemId, String tenantId, String actorId, Instant occurredAt)
            implements DomainEvent {
    }
}
