package dev.postmortem.core.review;

/** A thread's first comment cannot be deleted while others have answered it: their replies would lose their question. */
public class CommentHasRepliesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommentHasRepliesException(String message) {
        super(message);
    }
}
