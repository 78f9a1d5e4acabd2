package dev.postmortem.http;

import dev.postmortem.core.access.Actor;
import java.util.Optional;

/**
 * Who is calling: the port through which the host's authentication reaches the API. Return
 * empty when the request carries no valid identity; the API then answers 401 with
 * {@link #challenge()} as {@code WWW-Authenticate}. A resolver that throttles failed sign-ins
 * throws {@link LoginThrottledException} instead, answered 429 with {@code Retry-After}.
 */
@FunctionalInterface
public interface ActorResolver {

    /** The caller of {@code request}, or empty when it carries no valid identity. */
    Optional<Actor> resolve(ApiRequest request);

    /** The {@code WWW-Authenticate} value sent with a 401. */
    default String challenge() {
        return "Basic realm=\"postmortem\", charset=\"UTF-8\"";
    }
}
