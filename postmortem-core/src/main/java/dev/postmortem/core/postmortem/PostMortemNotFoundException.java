package dev.postmortem.core.postmortem;

/**
 * No such post-mortem, timeline event or action item for this caller. A post-mortem the
 * caller may not see is reported exactly like one that does not exist.
 */
public class PostMortemNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PostMortemNotFoundException(String message) {
        super(message);
    }
}
