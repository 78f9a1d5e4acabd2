package dev.postmortem.core.review;

import java.util.List;

/** What the readiness rules found in a post-mortem: ready when none of it is an ERROR. */
public record Readiness(List<Finding> findings) {

    public Readiness {
        findings = List.copyOf(findings);
    }

    /** Whether the post-mortem may go to review: no finding is an ERROR. */
    public boolean ready() {
        return errors().isEmpty();
    }

    /** The findings that keep it out of review. */
    public List<Finding> errors() {
        return findings.stream().filter(finding -> finding.severity() == Severity.ERROR).toList();
    }
}
