package dev.postmortem.http;

import java.util.Objects;
import java.util.Optional;

/**
 * The host's CSRF token for a request, which the web UI sends back in a header on each of its
 * writes: a host that signs users in with a session cookie and checks CSRF tokens (Spring
 * Security's default) then accepts the UI's writes. The Spring Boot starter supplies Spring
 * Security's token; the default is none, for hosts whose callers send credentials with every
 * request (HTTP Basic, bearer tokens), which a cross-site page cannot forge.
 */
@FunctionalInterface
public interface CsrfTokenSource {

    /** The token for {@code request}, or empty when the host checks none. */
    Optional<CsrfToken> tokenFor(ApiRequest request);

    /** No token: the UI sends none. */
    static CsrfTokenSource none() {
        return request -> Optional.empty();
    }

    /**
     * @param headerName the request header the host reads it from, such as {@code X-CSRF-TOKEN}
     * @param value the token itself
     */
    record CsrfToken(String headerName, String value) {
        public CsrfToken {
            Objects.requireNonNull(headerName, "headerName");
            Objects.requireNonNull(value, "value");
        }
    }
}
