package dev.postmortem.core.review;

import java.time.Instant;
import java.util.UUID;

/** Where a page of comments ends: the last comment's creation time and id, oldest first. */
public record CommentPosition(Instant createdAt, UUID id) {
}
