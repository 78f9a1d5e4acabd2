package dev.postmortem.core.port;

/**
 * Told how long each use case of {@link dev.postmortem.core.postmortem.PostMortemService} and
 * {@link dev.postmortem.core.followup.FollowUpService} took and how it ended, for a host's metrics
 * (the starter and the standalone server record them in Micrometer); it must return quickly and
 * never throw. The default records nothing.
 */
@FunctionalInterface
public interface UseCaseTimer {

    /**
     * @param useCase {@code create}, {@code get}, {@code list}, {@code export}, {@code update},
     *     {@code transition}, {@code delete}, {@code add-timeline-event}, {@code edit-action-item}, ...
     * @param outcome how it ended
     * @param nanos how long it took, in nanoseconds
     */
    void record(String useCase, Outcome outcome, long nanos);

    /** How a use case ended. */
    enum Outcome {
        /** It did what was asked. */
        SUCCESS,
        /** It refused: invalid input, unknown or hidden post-mortem, no right, stale version, workflow rule. */
        REFUSED,
        /** It failed: the storage could not serve, or a bug. */
        FAILED
    }

    /** Records nothing. */
    static UseCaseTimer none() {
        return (useCase, outcome, nanos) -> {
        };
    }
}
