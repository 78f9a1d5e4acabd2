package dev.postmortem.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One line of the route table: a method, a path pattern relative to a mount point, such as
 * {@code /{id}/timeline/{eventId}}, and the query parameters it reads; any other parameter is
 * refused before the handler runs, so that a typo (or {@code ?dryRun=true}) never goes unnoticed.
 */
record Route(String method, String pattern, Set<String> parameters, Handler handler) {

    Route {
        parameters = Set.copyOf(parameters);
    }

    /** A route that reads no query parameter. */
    Route(String method, String pattern, Handler handler) {
        this(method, pattern, Set.of(), handler);
    }

    /** Handles one request whose path matched; path parameters by name. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(Exchange exchange);
    }

    /** The path parameters when {@code path} matches this pattern, else {@code null}. */
    Map<String, String> match(String path) {
        List<String> patternParts = segments(pattern);
        List<String> pathParts = segments(path);
        if (patternParts.size() != pathParts.size()) {
            return null;
        }
        Map<String, String> parameters = new TreeMap<>();
        for (int i = 0; i < patternParts.size(); i++) {
            String expected = patternParts.get(i);
            String actual = pathParts.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return parameters;
    }

    private static List<String> segments(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            parts.add(part);
        }
        if (!parts.isEmpty() && parts.get(0).isEmpty()) {
            parts.remove(0);
        }
        return parts;
    }
}
