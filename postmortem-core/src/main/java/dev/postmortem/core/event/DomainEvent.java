package dev.postmortem.core.event;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
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

    /** A post-mortem was created, as {@code postMortem} shows it. */
    record PostMortemCreated(PostMortem postMortem, String actorId, Instant occurredAt) implements DomainEvent {
        @Override
        public UUID postMortemId() {
            return postMortem.id();
        }

        @Override
        public String tenantId() {
            return postMortem.tenantId();
        }
    }

    /** The written content changed (fields named by {@code changedFields}). */
    record PostMortemUpdated(PostMortem postMortem, Set<String> changedFields, String actorId,
                             Instant occurredAt) implements DomainEvent {
        @Override
        public UUID postMortemId() {
            return postMortem.id();
        }

        @Override
        public String tenantId() {
            return postMortem.tenantId();
        }
    }

    /** The post-mortem moved from one status to another, such as IN_REVIEW to PUBLISHED. */
    record StatusChanged(PostMortem postMortem, PostMortemStatus from, PostMortemStatus to, String actorId,
                         Instant occurredAt) implements DomainEvent {
        @Override
        public UUID postMortemId() {
            return postMortem.id();
        }

        @Override
        public String tenantId() {
            return postMortem.tenantId();
        }
    }

    /**
     * One action item was added ({@code before} null), changed, or removed ({@code after} null).
     */
    record ActionItemChanged(UUID postMortemId, String tenantId, ActionItem before, ActionItem after,
                             String actorId, Instant occurredAt) implements DomainEvent {
    }

    /** A post-mortem was deleted; only its id is left to name it. */
    record PostMortemDeleted(UUID postMortemId, String tenantId, String actorId, Instant occurredAt)
            implements DomainEvent {
    }
}
