package dev.postmortem.core.workflow;

import java.util.List;

/**
 * The workflow refuses what was asked: a transition that is not allowed now, a change to a
 * field that the current status locks, or an archive while action items are still open.
 */
public class WorkflowViolationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<PostMortemStatus> allowedTransitions;

    public WorkflowViolationException(String message, List<PostMortemStatus> allowedTransitions) {
        super(message);
        this.allowedTransitions = List.copyOf(allowedTransitions);
    }

    /** The statuses the post-mortem may move to from where it is now; empty when none. */
    public List<PostMortemStatus> allowedTransitions() {
        return allowedTransitions;
    }
}
