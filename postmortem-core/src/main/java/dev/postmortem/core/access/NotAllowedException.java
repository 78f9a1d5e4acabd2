package dev.postmortem.core.access;

/** The caller can see the post-mortem but may not do this to it or to a part of its review. */
public class NotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotAllowedException(String message) {
        super(message);
    }
}
