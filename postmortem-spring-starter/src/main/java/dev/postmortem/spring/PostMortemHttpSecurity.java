package dev.postmortem.spring;

import dev.postmortem.http.PostMortemHttpApi;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What every {@code SecurityFilterChain} built from Spring Security's {@code HttpSecurity} needs
 * for the API, applied as a {@code Customizer<HttpSecurity>} bean (Spring Security 7 applies
 * those to every chain, Spring Boot's default one included), so that a host writes nothing for it:
 * <ul>
 * <li>An unauthenticated request to the API or the web UI is answered with the API's 401
 *     problem document, unless one of the host's own entry points claims it first (its login
 *     page claims a browser's page navigation, HTTP Basic's claims requests that ask for JSON,
 *     whose empty 401 the starter turns into the problem document). The host's entry points keep
 *     their order, and the first stays the default for its other paths.</li>
 * <li>API requests are not checked for a CSRF token when they carry their own credentials (an
 *     {@code Authorization} header, which a cross-site page cannot set) or no session at all
 *     (nothing a forged request could act as). Requests signed in by a session cookie, the web
 *     UI's, are still checked, and the UI sends the token ({@link SpringSecurityCsrfTokens}).
 *     A cross-site page can send only a form's content types anyway, and the API refuses those
 *     (415) before it changes anything.</li>
 * </ul>
 * A host that sets its own entry point for every request, or turns CSRF off, keeps its choice;
 * {@code postmortem.security.configure-http-security=false} leaves every chain alone.
 */
public final class PostMortemHttpSecurity {

    private PostMortemHttpSecurity() {
    }

    /** The customizer the starter applies to every {@code HttpSecurity}. */
    public static Customizer<HttpSecurity> customizer(PostMortemHttpApi api) {
        RequestMatcher apiOrUi = request -> api.serves(PostMortemRequestHandler.pathWithinApplication(request));
        RequestMatcher noCsrfCheck = request ->
                api.servesApi(PostMortemRequestHandler.pathWithinApplication(request))
                        && (request.getHeader(HttpHeaders.AUTHORIZATION) != null
                            || request.getRequestedSessionId() == null);
        // Spring's own default when a chain has no entry point: used only then (see AfterTheHostsEntryPoints)
        AuthenticationEntryPoint entryPoint =
                new PostMortemAuthenticationEntryPoint(api, new Http403ForbiddenEntryPoint());
        return http -> http.csrf(csrf -> csrf.ignoringRequestMatchers(noCsrfCheck))
                .with(new AfterTheHostsEntryPoints(entryPoint, apiOrUi, false), Customizer.withDefaults());
    }

    /**
     * Registers the API's entry point after the host's: registered first, it would become the
     * default for the host's other paths too (Spring Security uses the first one registered for
     * requests that none claims). Added to the chain before the host configures it, so its first
     * instance only adds a second one, which Spring Security initialises after every configurer
     * present then, the host's login form and HTTP Basic included.
     */
    private static final class AfterTheHostsEntryPoints
            extends AbstractHttpConfigurer<AfterTheHostsEntryPoints, HttpSecurity> {
        private final AuthenticationEntryPoint entryPoint;
        private final RequestMatcher requests;
        private final boolean hostHasConfigured;

        AfterTheHostsEntryPoints(AuthenticationEntryPoint entryPoint, RequestMatcher requests,
                                 boolean hostHasConfigured) {
            this.entryPoint = entryPoint;
            this.requests = requests;
            this.hostHasConfigured = hostHasConfigured;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void init(HttpSecurity http) {
            if (!hostHasConfigured) {
                http.with(new AfterTheHostsEntryPoints(entryPoint, requests, true), Customizer.withDefaults());
                return;
            }
            ExceptionHandlingConfigurer<HttpSecurity> exceptions =
                    http.getConfigurer(ExceptionHandlingConfigurer.class);
            if (exceptions != null) {
                exceptions.defaultAuthenticationEntryPointFor(entryPoint, requests);
            }
        }
    }
}
