package dev.postmortem.core.template;

/**
 * The questions a template asks of each part of a post-mortem: placeholders in a form, never
 * text of the document. Each is {@code null} where the template asks nothing.
 */
public record TemplateHints(String summary, String impact, String rootCause, String businessImpact,
                            String contributingFactors, String whyNotCaughtEarlier, String lessonsLearned) {

    public static final TemplateHints NONE = new TemplateHints(null, null, null, null, null, null, null);
}
