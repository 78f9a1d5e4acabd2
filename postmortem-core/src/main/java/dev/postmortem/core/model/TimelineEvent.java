package dev.postmortem.core.model;

import java.util.Objects;
import java.util.UUID;

/** One entry of the incident's timeline. The id stays the same for the event's whole life. */
public record TimelineEvent(UUID id, TimelineTime time, String description) {

    public TimelineEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(description, "description");
    }
}
