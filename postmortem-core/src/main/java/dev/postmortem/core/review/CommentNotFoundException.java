package dev.postmortem.core.review;

/** No such comment on the post-mortem, worded like a missing one whether it never existed or was deleted. */
public class CommentNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommentNotFoundException(String message) {
        super(message);
    }
}
