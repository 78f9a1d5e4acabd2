package dev.postmortem.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An HTTP request as the neutral layer sees it. Each binding (Javalin, Spring MVC) builds one
 * from its own request type; nothing here knows a framework.
 *
 * @param method upper-case HTTP method
 * @param path the request path, without query string, as the client sent it
 * @param query query parameters, each with all its values in order
 * @param headers a header's value by case-insensitive name, {@code null} when absent
 * @param body opens the body; read at most once, and only by the neutral layer
 * @param remoteAddress the client's address as the connection shows it (never a header a client
 *     can set), for an {@link ActorResolver} that throttles failed logins; {@code null} when unknown
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query,
                         Function<String, String> headers, Body body, String remoteAddress) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? Map.of() : Map.copyOf(query);
        Objects.requireNonNull(headers, "headers");
        body = body == null ? InputStream::nullInputStream : body;
    }

    /** A request whose client address is not known. */
    public ApiRequest(String method, String path, Map<String, List<String>> query, Function<String, String> headers,
                      Body body) {
        this(method, path, query, headers, body, null);
    }

    /** The value of header {@code name} (case-insensitive), or {@code null} when absent. */
    public String header(String name) {
        return headers.apply(name);
    }

    /** The request body as a stream. */
    @FunctionalInterface
    public interface Body {
        /** Opens the body; called at most once per request. */
        InputStream open() throws IOException;
    }
}
