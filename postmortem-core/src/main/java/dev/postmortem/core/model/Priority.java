package dev.postmortem.core.model;

/** How urgent an action item is. */
public enum Priority {
    HIGH,
    MEDIUM,
    LOW
}
