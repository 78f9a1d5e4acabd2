package dev.postmortem.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One of the lists of a post-mortem whose elements are added, edited and removed one by one.
 * The operations are written once here; a new kind of element is one more constant.
 *
 * @param field the list's name in the document ({@code timeline})
 * @param noun what one element is called in messages ({@code timeline event})
 */
public record ElementList<E>(String field, String noun, String plural, int max,
                             Function<PostMortemContent, List<E>> elements,
                             BiFunction<PostMortemContent, List<E>, PostMortemContent> replacedBy,
                             Function<E, UUID> idOf, BiFunction<PostMortemContent, List<E>, List<FieldError>> rule) {

    public static final ElementList<TimelineEvent> TIMELINE = new ElementList<>("timeline", "timeline event",
            "events", Limits.TIMELINE_EVENTS, PostMortemContent::timeline, PostMortemContent::withTimeline,
            TimelineEvent::id, (content, events) -> TimelineRules.problems(events, content.incidentDate(),
                    content.timeZone()));

    public static final ElementList<ActionItem> ACTION_ITEMS = new ElementList<>("actionItems", "action item",
            "action items", Limits.ACTION_ITEMS, PostMortemContent::actionItems, PostMortemContent::withActionItems,
            ActionItem::id, (content, items) -> List.of());

    public Optional<E> find(PostMortemContent content, UUID id) {
        return elements.apply(content).stream().filter(e -> idOf.apply(e).equals(id)).findFirst();
    }

    public PostMortemContent add(PostMortemContent content, E element) {
        List<E> changed = new ArrayList<>(elements.apply(content));
        changed.add(element);
        if (changed.size() > max) {
            throw InvalidInputException.of(field, "must have at most " + max + " " + plural);
        }
        return checked(content, changed);
    }

    /** {@code content} with the element {@code id} edited; empty when it has no such element. */
    public Optional<PostMortemContent> edit(PostMortemContent content, UUID id, UnaryOperator<E> edit) {
        List<E> changed = new ArrayList<>(elements.apply(content));
        for (int i = 0; i < changed.size(); i++) {
            if (idOf.apply(changed.get(i)).equals(id)) {
                changed.set(i, edit.apply(changed.get(i)));
                return Optional.of(checked(content, changed));
            }
        }
        return Optional.empty();
    }

    /** {@code content} without the element {@code id}; empty when it has no such element. */
    public Optional<PostMortemContent> remove(PostMortemContent content, UUID id) {
        List<E> changed = new ArrayList<>(elements.apply(content));
        return changed.removeIf(e -> idOf.apply(e).equals(id))
                ? Optional.of(replacedBy.apply(content, changed)) : Optional.empty();
    }

    /** The list's own rules hold for the list as it will be stored, before the content orders it. */
    private PostMortemContent checked(PostMortemContent content, List<E> changed) {
        List<FieldError> errors = rule.apply(content, changed);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return replacedBy.apply(content, changed);
    }
}
