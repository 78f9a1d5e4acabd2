package dev.postmortem.http;

import dev.postmortem.core.access.NotAllowedException;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.port.StorageUnavailableException;
import dev.postmortem.core.postmortem.PostMortemNotFoundException;
import dev.postmortem.core.postmortem.VersionConflictException;
import dev.postmortem.core.postmortem.VersionRequiredException;
import dev.postmortem.core.review.CommentHasRepliesException;
import dev.postmortem.core.review.CommentNotFoundException;
import dev.postmortem.core.review.ApprovalsMissingException;
import dev.postmortem.core.review.NotReadyException;
import dev.postmortem.core.workflow.WorkflowViolationException;

/**
 * What each of the core's refusals means in HTTP. Anything not listed is not the client's
 * doing and becomes a 500 in {@link PostMortemHttpApi}.
 */
final class ExceptionProblems {

    /** How long a client should wait after a 503; storage comes back by itself once the cause is gone. */
    static final int RETRY_AFTER_SECONDS = 5;

    private ExceptionProblems() {
    }

    /** The problem for a known refusal, or {@code null} for an unexpected exception. */
    static Problem of(RuntimeException e, boolean conditionalRequest) {
        if (e instanceof Problem.Raised raised) {
            return raised.problem();
        }
        if (e instanceof InvalidInputException invalid) {
            return Problem.invalid(invalid.errors());
        }
        if (e instanceof PostMortemNotFoundException) {
            return Problem.of(404, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof CommentNotFoundException) {
            return Problem.of(404, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof NotAllowedException) {
            return Problem.of(403, "forbidden", "Forbidden", e.getMessage());
        }
        if (e instanceof WorkflowViolationException violation) {
            return Problem.of(409, "workflow-violation", "Refused by the workflow", e.getMessage())
                    .with("allowedTransitions", violation.allowedTransitions().stream().map(Enum::name).toList());
        }
        if (e instanceof CommentHasRepliesException) {
            return Problem.of(409, "comment-has-replies", "The comment has replies", e.getMessage());
        }
        if (e instanceof NotReadyException notReady) {
            return Problem.of(409, "not-ready", "Not ready for review", e.getMessage())
                    .with("findings", Documents.findings(notReady.findings()));
        }
        if (e instanceof ApprovalsMissingException missing) {
            return Problem.of(409, "approvals-missing", "Approvals missing", e.getMessage())
                    .with("requiredApprovals", missing.requiredApprovals())
                    .with("currentApprovals", missing.currentApprovals())
                    .with("staleApprovals", missing.staleApprovals())
                    .with("unresolvedThreads", missing.unresolvedThreads());
        }
        if (e instanceof LoginThrottledException throttled) {
            return Problem.of(429, "too-many-attempts", "Too many failed sign-ins", e.getMessage())
                    .header("Retry-After", Long.toString(throttled.retryAfter().toSeconds()));
        }
        if (e instanceof StorageUnavailableException) {
            return ContainerErrors.problem(503);
        }
        if (e instanceof VersionRequiredException required) {
            return Problem.of(428, "precondition-required", "Precondition required", e.getMessage())
                    .with("fields", required.fields());
        }
        if (e instanceof VersionConflictException) {
            // With If-Match the client named a version: 412. Without, the database refused a
            // write that met another at the same moment: 409, try again.
            return conditionalRequest
                    ? Problem.of(412, "precondition-failed", "Precondition failed", e.getMessage())
                    : Problem.of(409, "concurrent-modification", "Concurrent modification", e.getMessage());
        }
        return null;
    }
}
