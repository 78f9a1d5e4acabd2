package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.TimelineEventInput;

/** A merge update of one timeline event: unset fields stay as they are. */
public final class TimelineEventChanges {

    private final String time;
    private final boolean timeSet;
    private final String description;
    private final boolean descriptionSet;

    private TimelineEventChanges(String time, boolean timeSet, String description, boolean descriptionSet) {
        this.time = time;
        this.timeSet = timeSet;
        this.description = description;
        this.descriptionSet = descriptionSet;
    }

    public static TimelineEventChanges none() {
        return new TimelineEventChanges(null, false, null, false);
    }

    public TimelineEventChanges time(String value) {
        return new TimelineEventChanges(value, true, description, descriptionSet);
    }

    public TimelineEventChanges description(String value) {
        return new TimelineEventChanges(time, timeSet, value, true);
    }

    TimelineEventInput applyTo(TimelineEventInput current) {
        return new TimelineEventInput(current.id(), timeSet ? time : current.time(),
                descriptionSet ? description : current.description());
    }
}
