package dev.postmortem.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the incident's timeline. The id stays the same for the event's whole life.
 *
 * @param keyMoment the key moment this event marks, {@code null} for most events
 */
public record TimelineEvent(UUID id, TimelineTime time, String description, KeyMoment keyMoment) {

    public TimelineEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(description, "description");
    }

    /** An event that marks no key moment. */
    public TimelineEvent(UUID id, TimelineTime time, String description) {
        this(id, time, description, null);
    }
}
