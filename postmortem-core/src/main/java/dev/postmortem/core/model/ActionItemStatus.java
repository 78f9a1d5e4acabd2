package dev.postmortem.core.model;

/** Progress of one action item. */
public enum ActionItemStatus {
    TODO,
    IN_PROGRESS,
    DONE
}
