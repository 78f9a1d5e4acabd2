package dev.postmortem.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A timeline event as an author writes it: whole for a new event, or only the fields to change.
 *
 * @param id {@code null} for a new event; the id of an existing event to keep it
 * @param time {@code "14:35"}, {@code "14:35:20"}, {@code "2025-01-16T00:02"} or {@code "2024-01-15T14:35:00Z"}
 * @param keyMoment the key moment the event marks; {@code null} for none
 */
public record TimelineEventInput(
        UUID id,
        Change<@NotNull(message = "must be given") @StorableText @TimelineTimeFormat
               @Size(max = Limits.EVENT_TIME, message = "must be at most {max} characters") String> time,
        Change<@NotBlank(message = "must not be blank") @StorableText
               @Size(max = Limits.EVENT_DESCRIPTION, message = "must be at most {max} characters") String> description,
        Change<KeyMoment> keyMoment)
        implements ElementInput<TimelineEvent> {

    public TimelineEventInput {
        time = Change.nonNull(time);
        description = Change.nonNull(description);
        keyMoment = Change.nonNull(keyMoment);
    }

    /** A whole event. */
    public TimelineEventInput(UUID id, String time, String description, KeyMoment keyMoment) {
        this(id, Change.to(time), Change.to(description), Change.to(keyMoment));
    }

    public static TimelineEventInput of(String time, String description) {
        return new TimelineEventInput(null, time, description, null);
    }

    public static TimelineEventInput of(String time, String description, KeyMoment keyMoment) {
        return new TimelineEventInput(null, time, description, keyMoment);
    }

    /** Changes nothing; add what to change with {@link #time}, {@link #description} and {@link #keyMoment}. */
    public static TimelineEventInput none() {
        return new TimelineEventInput(null, Change.absent(), Change.absent(), Change.absent());
    }

    public TimelineEventInput time(String value) {
        return new TimelineEventInput(id, Change.to(value), description, keyMoment);
    }

    public TimelineEventInput description(String value) {
        return new TimelineEventInput(id, time, Change.to(value), keyMoment);
    }

    public TimelineEventInput keyMoment(KeyMoment value) {
        return new TimelineEventInput(id, time, description, Change.to(value));
    }

    @Override
    public TimelineEventInput whole() {
        return new TimelineEventInput(id, time.orNull(), description.orNull(), keyMoment.orNull());
    }

    @Override
    public TimelineEvent create(UUID newId) {
        return new TimelineEvent(newId, TimelineTime.parse(time.value()), description.value().strip(),
                keyMoment.value());
    }

    @Override
    public TimelineEvent applyTo(TimelineEvent current) {
        return new TimelineEvent(current.id(), time.map(TimelineTime::parse).orElse(current.time()),
                description.map(String::strip).orElse(current.description()), keyMoment.orElse(current.keyMoment()));
    }
}
