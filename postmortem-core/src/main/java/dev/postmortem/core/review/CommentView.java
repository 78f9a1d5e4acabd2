package dev.postmortem.core.review;

import dev.postmortem.core.model.Comment;

/**
 * A comment as a reader sees it now.
 *
 * @param anchorRemoved its timeline event or action item is no longer in the post-mortem
 */
public record CommentView(Comment comment, boolean anchorRemoved) {
}
