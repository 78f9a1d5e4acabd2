package dev.postmortem.spring;

import dev.postmortem.http.PostMortemHttpApi;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Answers an unauthenticated request to the post-mortem API as the API answers it: 401 with a
 * problem document and {@code WWW-Authenticate}, where Spring Security would send its own empty
 * 401. Requests to the host's other paths go to the entry point the host would use anyway.
 * One line in a host's {@code SecurityFilterChain}:
 *
 * <pre>{@code
 * http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
 *     .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
 * }</pre>
 *
 * <p>with {@code entryPoint} the bean of this type the starter defines.
 */
public class PostMortemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final PostMortemHttpApi api;
    private final PostMortemRequestHandler handler;
    private final AuthenticationEntryPoint otherPaths;

    /** For the API's paths; other paths get HTTP Basic's challenge, as Spring Boot's default does. */
    public PostMortemAuthenticationEntryPoint(PostMortemHttpApi api) {
        this(api, basicChallenge());
    }

    /** For the API's paths; {@code otherPaths} answers the rest (a login page, a bearer challenge). */
    public PostMortemAuthenticationEntryPoint(PostMortemHttpApi api, AuthenticationEntryPoint otherPaths) {
        this.api = api;
        this.handler = new PostMortemRequestHandler(api);
        this.otherPaths = otherPaths;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException, ServletException {
        if (api.serves(PostMortemRequestHandler.pathWithinApplication(request))) {
            // the API finds no authenticated caller in the SecurityContext and answers its 401
            handler.handleRequest(request, response);
        } else {
            otherPaths.commence(request, response, failure);
        }
    }

    private static AuthenticationEntryPoint basicChallenge() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Realm");
        return basic;
    }
}
