package dev.postmortem.core.postmortem;

/** The caller can see the post-mortem but may not make this change to it. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
