package dev.postmortem.spring;

import dev.postmortem.http.ApiRequest;
import dev.postmortem.http.ApiResponse;
import dev.postmortem.http.PostMortemHttpApi;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.HttpRequestHandler;

/**
 * The Spring MVC binding: copies the servlet request into the neutral layer and its answer
 * back, bypassing Spring's message converters so that the bytes are exactly the neutral
 * layer's, whatever JSON library the host configured.
 */
public class PostMortemRequestHandler implements HttpRequestHandler {

    private final PostMortemHttpApi api;

    public PostMortemRequestHandler(PostMortemHttpApi api) {
        this.api = api;
    }

    /** The request's path as the API's mount points are written: raw, below the servlet context. */
    static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiResponse answer = api.handle(new ApiRequest(requestLineMethod(request), pathWithinApplication(request),
                query(request.getQueryString()), request::getHeader, request::getInputStream,
                request.getRemoteAddr()));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.body().length > 0) {
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }
    }

    /**
     * The method of the request line: a filter (such as Spring's {@code HiddenHttpMethodFilter},
     * which reads {@code _method}) may wrap the request to report another, and a GET that a
     * gateway let through must never become a DELETE.
     */
    private static String requestLineMethod(HttpServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return inner instanceof HttpServletRequest http ? http.getMethod() : request.getMethod();
    }

    /**
     * Only the query string: {@code getParameterMap()} would also read a form body, and the
     * neutral layer reads bodies itself.
     */
    private static Map<String, List<String>> query(String queryString) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return query;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // a bad escape stays as typed; the API then refuses the value itself
        }
    }
}
