package dev.postmortem.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by an {@link ActorResolver} that refuses to check credentials now because too many
 * sign-ins failed for this user or from this address; the API answers 429 with
 * {@code Retry-After}.
 */
public class LoginThrottledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** @param retryAfter when to try again; rounded up to whole seconds, at least one */
    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins for this user or from this address; try again in "
                + seconds(retryAfter) + " s.", null, false, false);
        this.retryAfter = Duration.ofSeconds(seconds(retryAfter));
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static long seconds(Duration wait) {
        Objects.requireNonNull(wait, "retryAfter");
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
