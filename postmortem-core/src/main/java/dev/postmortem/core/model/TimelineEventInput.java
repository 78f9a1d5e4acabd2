package dev.postmortem.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A timeline event as an author writes it.
 *
 * @param id {@code null} for a new event; the id of an existing event to keep it
 * @param time {@code "14:35"}, {@code "14:35:20"} or {@code "2024-01-15T14:35:00Z"}
 */
public record TimelineEventInput(
        UUID id,
        @NotNull(message = "must be given") @StorableText @TimelineTimeFormat
        @Size(max = Limits.EVENT_TIME, message = "must be at most {max} characters") String time,
        @NotBlank(message = "must not be blank") @StorableText
        @Size(max = Limits.EVENT_DESCRIPTION, message = "must be at most {max} characters") String description) {

    public static TimelineEventInput of(String time, String description) {
        return new TimelineEventInput(null, time, description);
    }
}
