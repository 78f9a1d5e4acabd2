package dev.postmortem.testing.http;

import dev.postmortem.core.review.ApprovalPolicy;

/**
 * What publishing needs on an API under the contract suite: one current approval and every
 * comment thread resolved, admins excepted. A host passes {@link #POLICY} to its service, or,
 * on Spring, the three {@code *_PROPERTY} constants as properties.
 */
public final class ContractReview {

    public static final ApprovalPolicy POLICY = new ApprovalPolicy(1, true, true);

    public static final String REQUIRED_APPROVALS_PROPERTY = "postmortem.workflow.required-approvals=1";
    public static final String RESOLVED_THREADS_PROPERTY = "postmortem.workflow.require-resolved-threads=true";
    public static final String ADMIN_BYPASS_PROPERTY = "postmortem.workflow.admins-may-publish-without-approvals=true";

    private ContractReview() {
    }
}
