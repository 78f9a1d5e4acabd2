package dev.postmortem.core.review;

import java.util.List;

/** A post-mortem was asked to leave DRAFT while readiness rules found ERRORs in it. */
public class NotReadyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public NotReadyException(List<Finding> errors) {
        super(errors.size() == 1 ? "1 finding must be resolved before review: " + describe(errors.get(0))
                : errors.size() + " findings must be resolved before review: "
                        + String.join("; ", errors.stream().map(NotReadyException::describe).toList()));
        this.findings = List.copyOf(errors);
    }

    private static String describe(Finding finding) {
        return (finding.field() == null ? "" : finding.field() + ": ") + finding.message();
    }

    /** The ERROR findings that block the move, in the order the rules found them. */
    public List<Finding> findings() {
        return findings;
    }
}
