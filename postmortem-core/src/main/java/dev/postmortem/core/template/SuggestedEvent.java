package dev.postmortem.core.template;

import dev.postmortem.core.model.KeyMoment;
import java.util.Objects;

/**
 * An event a template suggests for the timeline. It has no time: the author adds it with the
 * time it really happened.
 *
 * @param keyMoment the key moment the event marks, {@code null} for none
 */
public record SuggestedEvent(String description, KeyMoment keyMoment) {

    public SuggestedEvent {
        Objects.requireNonNull(description, "description");
    }
}
