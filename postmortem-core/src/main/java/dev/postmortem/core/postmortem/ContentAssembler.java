package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.core.port.IdGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns validated input into model content: gives new elements ids, keeps the ids of
 * existing ones (refusing ids the post-mortem does not have), trims one-line fields, and
 * normalises contributors' addresses.
 */
final class ContentAssembler {

    private final IdGenerator ids;

    ContentAssembler(IdGenerator ids) {
        this.ids = ids;
    }

    /**
     * @param current the content being replaced, whose element ids may be kept; {@code null}
     *     for a new post-mortem
     */
    PostMortemContent assemble(PostMortemInput input, PostMortemContent current) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> knownEvents = idsOf(current == null ? List.of() : current.timeline(), TimelineEvent::id);
        Set<UUID> knownItems = idsOf(current == null ? List.of() : current.actionItems(), ActionItem::id);

        List<TimelineEvent> timeline = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < input.timeline().size(); i++) {
            TimelineEventInput event = input.timeline().get(i);
            UUID id = resolveId(event.id(), knownEvents, seen, "timeline[" + i + "].id", "timeline event", errors);
            timeline.add(new TimelineEvent(id, TimelineTime.parse(event.time()), event.description().strip()));
        }

        List<ActionItem> items = new ArrayList<>();
        seen.clear();
        for (int i = 0; i < input.actionItems().size(); i++) {
            ActionItemInput item = input.actionItems().get(i);
            UUID id = resolveId(item.id(), knownItems, seen, "actionItems[" + i + "].id", "action item", errors);
            items.add(new ActionItem(id, item.description().strip(), item.owner() == null ? null : item.owner().strip(),
                    item.status() == null ? ActionItemStatus.TODO : item.status(),
                    item.priority() == null ? Priority.MEDIUM : item.priority(),
                    item.dueDate()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        // Addresses are compared without regard to case; storing them lower-cased keeps the
        // comparison in SQL and in memory the same.
        Set<String> contributors = new LinkedHashSet<>();
        input.contributors().forEach(address -> contributors.add(address.strip().toLowerCase(Locale.ROOT)));

        return new PostMortemContent(input.incidentId().strip(), input.title().strip(), input.summary(),
                blankToNull(input.impact()), blankToNull(input.rootCause()), timeline, items,
                List.copyOf(contributors));
    }

    private UUID resolveId(UUID given, Set<UUID> known, Set<UUID> seen, String field, String what,
                           List<FieldError> errors) {
        if (given == null) {
            return ids.newId();
        }
        if (!known.contains(given)) {
            errors.add(new FieldError(field, "no " + what + " with this id in this post-mortem;"
                    + " leave the id out to add a new " + what));
        } else if (!seen.add(given)) {
            errors.add(new FieldError(field, "the same " + what + " id appears more than once"));
        }
        return given;
    }

    private static <T> Set<UUID> idsOf(List<T> elements, Function<T, UUID> id) {
        Set<UUID> result = new HashSet<>();
        elements.forEach(element -> result.add(id.apply(element)));
        return result;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
