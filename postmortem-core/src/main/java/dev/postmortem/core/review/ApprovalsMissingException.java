package dev.postmortem.core.review;

import java.util.ArrayList;
import java.util.List;

/** A post-mortem was asked to be published without the approvals (or resolved threads) the host requires. */
public class ApprovalsMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int requiredApprovals;
    private final transient List<String> currentApprovals;
    private final transient List<String> staleApprovals;
    private final long unresolvedThreads;

    /**
     * @param currentApprovals who approved the content as it is
     * @param staleApprovals who approved an earlier version only
     * @param unresolvedThreads open threads that block publishing; {@code 0} when they do not
     */
    public ApprovalsMissingException(int requiredApprovals, List<String> currentApprovals,
                                     List<String> staleApprovals, long unresolvedThreads) {
        super(describe(requiredApprovals, currentApprovals, staleApprovals, unresolvedThreads));
        this.requiredApprovals = requiredApprovals;
        this.currentApprovals = List.copyOf(currentApprovals);
        this.staleApprovals = List.copyOf(staleApprovals);
        this.unresolvedThreads = unresolvedThreads;
    }

    private static String describe(int required, List<String> current, List<String> stale, long threads) {
        List<String> missing = new ArrayList<>();
        if (current.size() < required) {
            missing.add(required + " current approval(s) are required, " + current.size() + " given"
                    + (stale.isEmpty() ? "" : " (stale after a later change: " + String.join(", ", stale) + ")"));
        }
        if (threads > 0) {
            missing.add(threads + " comment thread(s) are not resolved");
        }
        return "Cannot publish yet: " + String.join("; ", missing) + ".";
    }

    public int requiredApprovals() {
        return requiredApprovals;
    }

    public List<String> currentApprovals() {
        return currentApprovals;
    }

    public List<String> staleApprovals() {
        return staleApprovals;
    }

    public long unresolvedThreads() {
        return unresolvedThreads;
    }
}
