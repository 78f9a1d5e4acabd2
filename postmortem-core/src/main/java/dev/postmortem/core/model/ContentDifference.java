package dev.postmortem.core.model;

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
 * and which action items changed nothing but their status. Locks (by status) and rights (by
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

    public static ContentDifference between(PostMortemContent before, PostMortemContent after) {
        Set<String> changed = new LinkedHashSet<>();
        compare(changed, "incidentId", before.incidentId(), after.incidentId());
        compare(changed, "title", before.title(), after.title());
        compare(changed, "summary", before.summary(), after.summary());
        compare(changed, "impact", before.impact(), after.impact());
        compare(changed, "rootCause", before.rootCause(), after.rootCause());
        compare(changed, "timeline", before.timeline(), after.timeline());
        compare(changed, "contributors", before.contributors(), after.contributors());

        Set<UUID> statusOnly = new LinkedHashSet<>();
        boolean beyondStatus = false;
        if (!before.actionItems().equals(after.actionItems())) {
            changed.add("actionItems");
            beyondStatus = !sameItemsApartFromStatus(before.actionItems(), after.actionItems(), statusOnly);
        }
        return new ContentDifference(Set.copyOf(changed), Set.copyOf(statusOnly), beyondStatus);
    }

    private static void compare(Set<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
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
            if (!old.withStatus(item.status()).equals(item)) {
                return false;
            }
            if (old.status() != item.status()) {
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
