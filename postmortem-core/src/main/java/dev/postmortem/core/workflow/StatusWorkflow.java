package dev.postmortem.core.workflow;

import static dev.postmortem.core.workflow.PostMortemStatus.ARCHIVED;
import static dev.postmortem.core.workflow.PostMortemStatus.DRAFT;
import static dev.postmortem.core.workflow.PostMortemStatus.IN_REVIEW;
import static dev.postmortem.core.workflow.PostMortemStatus.PUBLISHED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The status machine: {@code DRAFT -> IN_REVIEW -> PUBLISHED -> ARCHIVED}, plus
 * {@code IN_REVIEW -> DRAFT} when changes are requested. {@code DRAFT -> PUBLISHED} is only
 * allowed when the host has switched required review off.
 */
public final class StatusWorkflow {

    private final boolean reviewRequired;

    private StatusWorkflow(boolean reviewRequired) {
        this.reviewRequired = reviewRequired;
    }

    /** The default: every post-mortem passes IN_REVIEW before it is published. */
    public static StatusWorkflow reviewRequired() {
        return new StatusWorkflow(true);
    }

    /** For small teams: a draft may be published directly. */
    public static StatusWorkflow reviewOptional() {
        return new StatusWorkflow(false);
    }

    public static StatusWorkflow of(boolean reviewRequired) {
        return new StatusWorkflow(reviewRequired);
    }

    public boolean isReviewRequired() {
        return reviewRequired;
    }

    /** The statuses reachable from {@code from} in one step, in workflow order. */
    public List<PostMortemStatus> allowedFrom(PostMortemStatus from) {
        Set<PostMortemStatus> targets = EnumSet.noneOf(PostMortemStatus.class);
        switch (from) {
            case DRAFT -> {
                targets.add(IN_REVIEW);
                if (!reviewRequired) {
                    targets.add(PUBLISHED);
                }
            }
            case IN_REVIEW -> {
                targets.add(DRAFT);
                targets.add(PUBLISHED);
            }
            case PUBLISHED -> targets.add(ARCHIVED);
            case ARCHIVED -> { }
            default -> throw new IllegalStateException("unhandled status " + from);
        }
        return List.copyOf(targets);
    }

    /** The statuses a post-mortem may be created in. */
    public List<PostMortemStatus> initialStatuses() {
        return List.of(DRAFT, IN_REVIEW);
    }

    /** Refuses a transition that is not allowed, naming the ones that are. */
    public void checkTransition(PostMortemStatus from, PostMortemStatus to) {
        List<PostMortemStatus> allowed = allowedFrom(from);
        if (allowed.contains(to)) {
            return;
        }
        String reason = from == to
                ? "The post-mortem is already " + from + "."
                : "A post-mortem cannot move from " + from + " to " + to + ".";
        if (from == DRAFT && to == PUBLISHED) {
            reason += " Review is required: submit it for review (IN_REVIEW) first.";
        }
        throw new WorkflowViolationException(reason + describe(allowed), allowed);
    }

    /** Refuses a creation status other than DRAFT or IN_REVIEW. */
    public void checkInitial(PostMortemStatus status) {
        if (!initialStatuses().contains(status)) {
            throw new WorkflowViolationException(
                    "A post-mortem cannot be created as " + status + "; create it as DRAFT or IN_REVIEW.",
                    initialStatuses());
        }
    }

    private static String describe(List<PostMortemStatus> allowed) {
        return allowed.isEmpty()
                ? " No further transition is possible."
                : " Allowed now: " + String.join(", ", allowed.stream().map(Enum::name).toList()) + ".";
    }
}
