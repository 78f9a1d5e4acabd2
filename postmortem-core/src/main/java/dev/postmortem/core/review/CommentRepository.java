package dev.postmortem.core.review;

import dev.postmortem.core.model.Comment;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where review comments are kept, beside their post-mortems (deleting a post-mortem deletes its
 * comments). The JDBC and in-memory post-mortem repositories implement it too, so
 * {@code PostMortemService.comments} is there with them.
 */
public interface CommentRepository {

    void insertComment(Comment comment);

    Optional<Comment> findComment(String tenantId, UUID postMortemId, UUID commentId);

    /** Stores {@code comment}'s text and resolution; {@code false} when it is gone. */
    boolean updateComment(Comment comment);

    /** {@code false} when it was gone already. */
    boolean deleteComment(String tenantId, UUID postMortemId, UUID commentId);

    /** Whether any comment answers {@code commentId}. */
    boolean hasReplies(String tenantId, UUID postMortemId, UUID commentId);

    /** How many threads of the post-mortem are not resolved. */
    long unresolvedThreads(String tenantId, UUID postMortemId);

    /** Up to {@code limit} comments after {@code after} ({@code null}: from the first), oldest first, then by id. */
    List<Comment> comments(String tenantId, UUID postMortemId, CommentPosition after, int limit);
}
