package dev.postmortem.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to send back: status, headers and body bytes. Bindings copy it onto their own response
 * unchanged, which is what makes every binding answer byte for byte the same.
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    static Builder status(int status) {
        return new Builder(status);
    }

    /** The content type, or {@code null} for a response without body. */
    public String contentType() {
        return headers.get("Content-Type");
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    static final class Builder {
        private final int status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];

        private Builder(int status) {
            this.status = status;
        }

        Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Builder body(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            body = bytes;
            return this;
        }

        ApiResponse build() {
            return new ApiResponse(status, headers, body);
        }
    }
}
