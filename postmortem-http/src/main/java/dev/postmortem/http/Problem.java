package dev.postmortem.http;

import dev.postmortem.core.model.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, and for validation {@code errors: [{field, message}]}. Types are stable
 * URNs, one per kind of problem, so that clients can switch on them.
 */
final class Problem {

    static final String TYPE_PREFIX = "urn:postmortem:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Problem(int status, String type, String title, String detail) {
        this.status = status;
        this.type = TYPE_PREFIX + type;
        this.title = title;
        this.detail = detail;
    }

    static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail);
    }

    /** No identity: the API's own 401, and the web server's or the host's for the API's paths. */
    static Problem unauthenticated() {
        return new Problem(401, "unauthenticated", "Authentication required",
                "This API needs to know who is calling; send credentials.");
    }

    static Problem invalid(List<FieldError> errors) {
        Problem problem = new Problem(400, "validation-failed", "Invalid input",
                errors.size() == 1 ? "1 field is invalid: " + errors.get(0).field() + " " + errors.get(0).message()
                        + "." : errors.size() + " fields are invalid.");
        problem.errors.addAll(errors);
        return problem;
    }

    static Problem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    String detail() {
        return detail;
    }

    List<FieldError> errors() {
        return errors;
    }

    Map<String, Object> extensions() {
        return extensions;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** Thrown inside the HTTP layer to answer with this problem at once. */
    static final class Raised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Problem problem;

        Raised(Problem problem) {
            super(problem.detail, null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    Raised raise() {
        return new Raised(this);
    }
}
