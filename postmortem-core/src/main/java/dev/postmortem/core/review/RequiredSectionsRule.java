package dev.postmortem.core.review;

import dev.postmortem.core.model.PostMortemContent;

/** {@code required-sections}: the summary, the impact and the root cause are written. */
final class RequiredSectionsRule extends BuiltInRule {

    static final String ID = "required-sections";

    RequiredSectionsRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    public void check(ReadinessContext context, Findings findings) {
        PostMortemContent content = context.postMortem().content();
        require(content.summary(), "summary", "The summary is empty: reviewers start from it.",
                "Say in two or three sentences what happened, for how long, and how it ended.", findings);
        require(content.impact(), "impact", "The impact is not written: the review weighs the fixes against it.",
                "Say who and what was affected, how much and for how long.", findings);
        require(content.rootCause(), "rootCause", "The root cause is not written: the action items follow from it.",
                "Describe the conditions in the system that made the incident possible.", findings);
    }

    private static void require(String text, String field, String message, String suggestion, Findings findings) {
        if (text == null || text.isBlank()) {
            findings.add(field, message, suggestion);
        }
    }
}
