package dev.postmortem.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A review comment on a post-mortem, on the whole document or one part of it
 * ({@link CommentAnchor}). A comment that answers none is a thread; its replies name it in
 * {@code inReplyTo}. Only a thread is resolved or reopened.
 *
 * @param anchor what it is about, {@code null} for the whole document
 * @param inReplyTo the thread it answers, {@code null} when it starts one
 * @param updatedAt when its text last changed; its creation time until then
 * @param resolvedBy who resolved the thread, {@code null} while it is open
 */
public record Comment(UUID id, String tenantId, UUID postMortemId, String anchor, UUID inReplyTo, String author,
                      String body, Instant createdAt, Instant updatedAt, boolean resolved, String resolvedBy,
                      Instant resolvedAt) {

    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(postMortemId, "postMortemId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether it starts a thread (answers no other comment). */
    public boolean isThread() {
        return inReplyTo == null;
    }

    /** The same comment with another text. */
    public Comment withBody(String newBody, Instant now) {
        return new Comment(id, tenantId, postMortemId, anchor, inReplyTo, author, newBody, createdAt, now, resolved,
                resolvedBy, resolvedAt);
    }

    /** The same thread resolved by {@code actorId}, or reopened when {@code value} is false. */
    public Comment withResolved(boolean value, String actorId, Instant now) {
        return value ? new Comment(id, tenantId, postMortemId, anchor, inReplyTo, author, body, createdAt, updatedAt,
                true, actorId, now)
                : new Comment(id, tenantId, postMortemId, anchor, inReplyTo, author, body, createdAt, updatedAt, false,
                null, null);
    }
}
