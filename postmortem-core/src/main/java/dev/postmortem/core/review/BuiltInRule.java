package dev.postmortem.core.review;

/** A rule that ships: its id and default severity are fixed; subclasses check. */
abstract class BuiltInRule implements ReadinessRule {

    private final String id;
    private final Severity defaultSeverity;

    BuiltInRule(String id, Severity defaultSeverity) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity defaultSeverity() {
        return defaultSeverity;
    }
}
