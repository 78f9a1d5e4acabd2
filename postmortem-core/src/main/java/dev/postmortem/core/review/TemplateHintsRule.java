package dev.postmortem.core.review;

import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.template.TemplateHints;
import java.util.List;
import java.util.Locale;

/**
 * {@code template-hints}: a section still holds its template's question (the hints are
 * placeholders in the form; pasted into the text they read as if the section were written).
 */
final class TemplateHintsRule extends BuiltInRule {

    static final String ID = "template-hints";

    TemplateHintsRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    public void check(ReadinessContext context, Findings findings) {
        TemplateHints hints = context.hints();
        PostMortemContent content = context.postMortem().content();
        compare("summary", content.summary(), hints.summary(), findings);
        compare("impact", content.impact(), hints.impact(), findings);
        compare("businessImpact", content.impactDetails().businessImpact(), hints.businessImpact(), findings);
        compare("rootCause", content.rootCause(), hints.rootCause(), findings);
        compare("whyNotCaughtEarlier", content.rootCauseDetails().whyNotCaughtEarlier(),
                hints.whyNotCaughtEarlier(), findings);
        compare("contributingFactors", content.rootCauseDetails().contributingFactors(),
                hints.contributingFactors(), findings);
        compare("lessonsLearned", content.rootCauseDetails().lessonsLearned(), hints.lessonsLearned(), findings);
    }

    private static void compare(String field, List<String> entries, String hint, Findings findings) {
        for (int i = 0; i < entries.size(); i++) {
            compare(field + "[" + i + "]", entries.get(i), hint, findings);
        }
    }

    private static void compare(String field, String text, String hint, Findings findings) {
        if (text == null || hint == null || hint.isBlank() || !normal(text).contains(normal(hint))) {
            return;
        }
        findings.add(field, "This still holds the template's question (\"" + hint.strip() + "\").",
                "Answer the question in your own words and remove it.");
    }

    private static String normal(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
