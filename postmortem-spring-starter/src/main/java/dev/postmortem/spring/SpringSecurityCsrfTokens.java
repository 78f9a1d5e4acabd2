package dev.postmortem.spring;

import dev.postmortem.http.ApiRequest;
import dev.postmortem.http.CsrfTokenSource;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Spring Security's CSRF token for the request being served, as its {@code CsrfFilter} left it
 * in the request's attributes, for the web UI to send back on its writes. Empty when the host's
 * chain has CSRF protection off.
 */
public class SpringSecurityCsrfTokens implements CsrfTokenSource {

    @Override
    public Optional<CsrfToken> tokenFor(ApiRequest request) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        // Spring's type, named in full: this class inherits CsrfTokenSource's CsrfToken
        Object token = attributes.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName(),
                RequestAttributes.SCOPE_REQUEST);
        return token instanceof org.springframework.security.web.csrf.CsrfToken csrf
                ? Optional.of(new CsrfToken(csrf.getHeaderName(), csrf.getToken()))
                : Optional.empty();
    }
}
