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

    UUID postMortemId();

    String tenantId();

    /** The user whose call caused it. */
    String actorId();

    Instant occurredAt();

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

    record PostMortemDeleted(UUID postMortemId, String tenantId, String actorId, Instant occurredAt)
            implements DomainEvent {
    }
}
