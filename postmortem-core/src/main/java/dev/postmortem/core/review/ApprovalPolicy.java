package dev.postmortem.core.review;

/**
 * What publishing needs besides the workflow and the readiness rules.
 *
 * @param requiredApprovals current approvals (of the content as it is) needed to publish;
 *     {@code 0}, the default, needs none
 * @param resolvedThreadsRequired whether every comment thread must be resolved before publishing
 * @param adminsMayPublishWithout whether an admin may publish without them
 */
public record ApprovalPolicy(int requiredApprovals, boolean resolvedThreadsRequired,
                             boolean adminsMayPublishWithout) {

    /** Nothing but the workflow and the readiness rules. */
    public static final ApprovalPolicy NONE = new ApprovalPolicy(0, false, false);

    /** The most approvals a host may ask for. */
    public static final int MAX_REQUIRED_APPROVALS = 20;

    public ApprovalPolicy {
        if (requiredApprovals < 0 || requiredApprovals > MAX_REQUIRED_APPROVALS) {
            throw new IllegalArgumentException("requiredApprovals must be from 0 to " + MAX_REQUIRED_APPROVALS);
        }
    }
}
