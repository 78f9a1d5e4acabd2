package dev.postmortem.core.review;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.Priority;
import java.util.List;

/** {@code high-priority-items}: every HIGH item has an owner and a due date, or nobody follows it up. */
final class HighPriorityItemsRule extends BuiltInRule {

    static final String ID = "high-priority-items";

    HighPriorityItemsRule() {
        super(ID, Severity.WARNING);
    }

    @Override
    public void check(ReadinessContext context, Findings findings) {
        List<ActionItem> items = context.postMortem().content().actionItems();
        for (int i = 0; i < items.size(); i++) {
            ActionItem item = items.get(i);
            if (item.priority() != Priority.HIGH) {
                continue;
            }
            if (item.owner() == null || item.owner().isBlank()) {
                findings.add("actionItems[" + i + "].owner", "A HIGH item without an owner is nobody's work.",
                        "Name who will see it through.");
            }
            if (item.dueDate() == null) {
                findings.add("actionItems[" + i + "].dueDate", "A HIGH item without a due date is never overdue.",
                        "Agree on a date with its owner.");
            }
        }
    }
}
