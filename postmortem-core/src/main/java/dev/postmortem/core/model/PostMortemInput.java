package dev.postmortem.core.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Everything an author writes in a post-mortem, in the shape of the JSON document, with the
 * product's limits. Create and update both end in one of these, so one set of rules
 * validates both and violations carry the document's own paths
 * ({@code actionItems[1].description}).
 */
@SingleTimeForm
public record PostMortemInput(
        @NotBlank(message = "must not be blank") @StorableText
        @Size(max = Limits.INCIDENT_ID, message = "must be at most {max} characters") String incidentId,
        @NotBlank(message = "must not be blank") @StorableText
        @Size(max = Limits.TITLE, message = "must be at most {max} characters") String title,
        @NotBlank(message = "must not be blank") @StorableText
        @Size(max = Limits.SECTION, message = "must be at most {max} characters") String summary,
        @StorableText @Size(max = Limits.SECTION, message = "must be at most {max} characters") String impact,
        @StorableText @Size(max = Limits.SECTION, message = "must be at most {max} characters") String rootCause,
        @NotNull(message = "must be a list")
        @Size(max = Limits.TIMELINE_EVENTS, message = "must have at most {max} events")
        List<@NotNull(message = "must be an event") @Valid TimelineEventInput> timeline,
        @NotNull(message = "must be a list")
        @Size(max = Limits.ACTION_ITEMS, message = "must have at most {max} action items")
        List<@NotNull(message = "must be an action item") @Valid ActionItemInput> actionItems,
        @NotNull(message = "must be a list")
        @Size(max = Limits.CONTRIBUTORS, message = "must have at most {max} contributors")
        List<@NotBlank(message = "must not be blank") @Email(message = "must be an e-mail address") @StorableText
             @Size(max = Limits.EMAIL, message = "must be at most {max} characters") String> contributors) {

    /** What is written in {@code content} now, as input that keeps every id. */
    public static PostMortemInput from(PostMortemContent content) {
        return new PostMortemInput(content.incidentId(), content.title(), content.summary(), content.impact(),
                content.rootCause(),
                content.timeline().stream()
                        .map(e -> new TimelineEventInput(e.id(), e.time().text(), e.description())).toList(),
                content.actionItems().stream().map(PostMortemInput::toInput).toList(),
                content.contributors());
    }

    static ActionItemInput toInput(ActionItem item) {
        return new ActionItemInput(item.id(), item.description(), item.owner(), item.status(), item.priority(),
                item.dueDate());
    }
}
