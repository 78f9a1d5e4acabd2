package dev.postmortem.testing.http.fuzz;

import java.util.Map;

/** What the API answered: status, headers by lower-case name, and the body as text. */
public record FuzzAnswer(int status, Map<String, String> headers, String body) {

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return status + " " + header("Content-Type") + " " + (body.length() > 600 ? body.substring(0, 600) + "..."
                : body);
    }
}
