package dev.postmortem.core.postmortem;

import dev.postmortem.core.access.NotAllowedException;

/** The caller can see the post-mortem but may not make this change to it. */
public class AccessDeniedException extends NotAllowedException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
