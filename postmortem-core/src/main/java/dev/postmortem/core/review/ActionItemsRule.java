package dev.postmortem.core.review;

/** {@code action-items}: at least one action item, or the review has nothing to follow through. */
final class ActionItemsRule extends BuiltInRule {

    static final String ID = "action-items";

    ActionItemsRule() {
        super(ID, Severity.WARNING);
    }

    @Override
    public void check(ReadinessContext context, Findings findings) {
        if (context.postMortem().content().actionItems().isEmpty()) {
            findings.add("actionItems", "There are no action items: nothing will change because of this incident.",
                    "Add at least one item that makes a recurrence less likely or less harmful.");
        }
    }
}
