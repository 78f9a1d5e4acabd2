package dev.postmortem.core.review;

import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.template.TemplateHints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The readiness rules a post-mortem meets before review, with the severity each reports at.
 * Built in, ERROR: {@code required-sections}, {@code template-hints}, {@code placeholders},
 * {@code blaming-language}, {@code person-as-cause}; WARNING: {@code action-items},
 * {@code high-priority-items}, {@code key-moments}. A host lowers (or raises) a rule's
 * severity, replaces the blaming phrases, adds rules of its own, and replaces a built-in rule
 * by adding one with its id.
 *
 * <pre>{@code
 * ReadinessCheck check = ReadinessCheck.builder()
 *         .severity("person-as-cause", Severity.WARNING)
 *         .blamingPhrases(BlamingPhrases.english().plus(myPhrases, Set.of()))
 *         .add(new RequiresServiceOwnerRule())
 *         .build();
 * }</pre>
 */
public final class ReadinessCheck {

    private final List<ReadinessRule> rules;
    private final Map<String, Severity> severities;

    private ReadinessCheck(List<ReadinessRule> rules, Map<String, Severity> severities) {
        this.rules = List.copyOf(rules);
        this.severities = Map.copyOf(severities);
    }

    /** The built-in rules at their default severities. */
    public static ReadinessCheck defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The built-in rules, in the order their findings are listed. */
    public static List<ReadinessRule> builtInRules(BlamingPhrases phrases) {
        return List.of(new RequiredSectionsRule(), new TemplateHintsRule(), new PlaceholdersRule(),
                new BlamingLanguageRule(phrases), new PersonAsCauseRule(), new ActionItemsRule(),
                new HighPriorityItemsRule(), new KeyMomentsRule());
    }

    /** The rules this check runs, in order. */
    public List<ReadinessRule> rules() {
        return rules;
    }

    /** The severity {@code rule}'s findings are reported at. */
    public Severity severityOf(ReadinessRule rule) {
        return severities.getOrDefault(rule.id(), rule.defaultSeverity());
    }

    /** Runs every rule on {@code postMortem}, started from a template with these {@code hints}. */
    public Readiness check(PostMortem postMortem, TemplateHints hints) {
        ReadinessContext context = new ReadinessContext(postMortem, hints);
        List<Finding> findings = new ArrayList<>();
        for (ReadinessRule rule : rules) {
            Severity severity = severityOf(rule);
            rule.check(context, (field, message, suggestion) ->
                    findings.add(new Finding(rule.id(), severity, field, message, suggestion)));
        }
        return new Readiness(findings);
    }

    public static final class Builder {
        private BlamingPhrases phrases = BlamingPhrases.english();
        private final List<ReadinessRule> added = new ArrayList<>();
        private final Map<String, Severity> severities = new HashMap<>();

        private Builder() {
        }

        /** The phrases the built-in {@code blaming-language} rule looks for; {@link BlamingPhrases#english()} by default. */
        public Builder blamingPhrases(BlamingPhrases value) {
            phrases = Objects.requireNonNull(value, "phrases");
            return this;
        }

        /** A rule of the host's, after the built-in ones; one with a built-in rule's id replaces it. */
        public Builder add(ReadinessRule rule) {
            added.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Reports {@code ruleId}'s findings at {@code severity} instead of the rule's default. */
        public Builder severity(String ruleId, Severity severity) {
            severities.put(Objects.requireNonNull(ruleId, "ruleId"), Objects.requireNonNull(severity, "severity"));
            return this;
        }

        /** @throws IllegalArgumentException when a severity names a rule the check does not have */
        public ReadinessCheck build() {
            Map<String, ReadinessRule> byId = new LinkedHashMap<>();
            builtInRules(phrases).forEach(rule -> byId.put(rule.id(), rule));
            added.forEach(rule -> byId.put(rule.id(), rule));
            for (String ruleId : severities.keySet()) {
                if (!byId.containsKey(ruleId)) {
                    throw new IllegalArgumentException("No readiness rule " + ruleId + "; the rules are "
                            + String.join(", ", byId.keySet()));
                }
            }
            return new ReadinessCheck(new ArrayList<>(byId.values()), severities);
        }
    }
}
