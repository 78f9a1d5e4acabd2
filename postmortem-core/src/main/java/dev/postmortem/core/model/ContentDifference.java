package dev.postmortem.core.model;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What an edit changes, in the terms the edit rules speak: which top-level fields changed,
 * and which action items changed nothing but their follow-up bookkeeping (status and tracker
 * link; "status" below, as in the API's {@code allowedEdits.actionItemStatus}). Locks (by status) and rights (by
 * actor) are both decided from this one comparison.
 */
public final class ContentDifference {

    private final Set<String> changedFields;
    private final Set<UUID> actionItemsWithNewStatus;
    private final boolean actionItemsChangedBeyondStatus;

    private ContentDifference(Set<String> changedFields, Set<UUID> actionItemsWithNewStatus,
                              boolean actionItemsChangedBeyondStatus) {
        this.changedFields = changedFields;
        this.actionItemsWithNewStatus = actionItemsWithNewStatus;
        this.actionItemsChangedBeyondStatus = actionItemsChangedBeyondStatus;
    }

    // Every field of the content takes part, so a field added to it needs nothing here.
    private static final RecordComponent[] FIELDS = PostMortemContent.class.getRecordComponents();

    /** What an edit that changes nothing changes. */
    public static final ContentDifference NONE = new ContentDifference(Set.of(), Set.of(), false);

    public static ContentDifference between(PostMortemContent before, PostMortemContent after) {
        Set<String> changed = new LinkedHashSet<>();
        for (RecordComponent field : FIELDS) {
            if (!Objects.equals(read(field, before), read(field, after))) {
                changed.add(field.getName());
            }
        }

        Set<UUID> statusOnly = new LinkedHashSet<>();
        boolean beyondStatus = false;
        if (changed.contains("actionItems")) {
            beyondStatus = !sameItemsApartFromStatus(before.actionItems(), after.actionItems(), statusOnly);
        }
        return new ContentDifference(Set.copyOf(changed), Set.copyOf(statusOnly), beyondStatus);
    }

    private static Object read(RecordComponent field, PostMortemContent content) {
        try {
            return field.getAccessor().invoke(content);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field.getName() + " of a post-mortem's content", e);
        }
    }

    private static boolean sameItemsApartFromStatus(List<ActionItem> before, List<ActionItem> after,
                                                    Set<UUID> statusChanged) {
        if (before.size() != after.size()) {
            return false;
        }
        Map<UUID, ActionItem> beforeById = new HashMap<>();
        before.forEach(item -> beforeById.put(item.id(), item));
        List<UUID> beforeOrder = new ArrayList<>(before.stream().map(ActionItem::id).toList());
        List<UUID> afterOrder = after.stream().map(ActionItem::id).toList();
        if (!beforeOrder.equals(afterOrder)) {
            return false;
        }
        for (ActionItem item : after) {
            ActionItem old = beforeById.get(item.id());
            if (!old.withFollowUpOf(item).equals(item)) {
                return false;
            }
            if (!old.equals(item)) {
                statusChanged.add(item.id());
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return changedFields.isEmpty();
    }

    /** Top-level field names that differ ({@code title}, {@code timeline}, {@code actionItems} ...). */
    public Set<String> changedFields() {
        return changedFields;
    }

    /**
     * True when the only difference is the status of some action items: the one edit a
     * published post-mortem allows, and the one an item's owner may make.
     */
    public boolean onlyActionItemStatusesChanged() {
        return changedFields.equals(Set.of("actionItems")) && !actionItemsChangedBeyondStatus;
    }

    /** Ids of the items whose status changed, when {@link #onlyActionItemStatusesChanged()}. */
    public Set<UUID> actionItemsWithNewStatus() {
        return actionItemsWithNewStatus;
    }
}
