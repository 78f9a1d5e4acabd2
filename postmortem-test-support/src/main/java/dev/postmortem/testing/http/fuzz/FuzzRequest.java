package dev.postmortem.testing.http.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated request. The path may name the fuzzed post-mortem and its elements as
 * {@code {id}}, {@code {event}} and {@code {item}}, which the run fills in when it sends it.
 *
 * @param query each name with its values, in order; values are decoded text
 * @param headers by name; the run adds {@code Authorization} for {@link #caller}
 * @param caller who sends it: a user of the contract suite, or {@code null} for nobody
 */
record FuzzRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                   byte[] body, String caller) {

    FuzzRequest {
        query = new LinkedHashMap<>(query);
        headers = new LinkedHashMap<>(headers);
    }

    boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** Control characters escaped: a test report cuts its message at the first NUL. */
    @Override
    public String toString() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return printable(method + " " + path + (query.isEmpty() ? "" : " " + query) + " as " + caller + " " + headers
                + (body == null ? "" : " body(" + body.length + " bytes): "
                + (text.length() > 600 ? text.substring(0, 600) + "..." : text)));
    }

    private static String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                printable.append(String.format("\\u%04x", c));
            } else {
                printable.appendCodePoint(c);
            }
        });
        return printable.toString();
    }
}
