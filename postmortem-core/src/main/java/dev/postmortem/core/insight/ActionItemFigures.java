package dev.postmortem.core.insight;

import java.time.Duration;

/**
 * The action items of a group's post-mortems.
 *
 * @param created how many there are
 * @param done how many are DONE
 * @param overdue how many are not DONE and due before the tenant's today
 * @param completionRate done / created, {@code null} without items
 * @param medianTimeToDone from an item's creation to its DONE, over the items whose completion
 *     was recorded; {@code null} when none was
 */
public record ActionItemFigures(long created, long done, long overdue, Double completionRate,
                                Duration medianTimeToDone) {

    public static final ActionItemFigures NONE = new ActionItemFigures(0, 0, 0, null, null);
}
