package dev.postmortem.testing.http.fuzz;

import dev.postmortem.testing.http.ContractClient;
import dev.postmortem.testing.http.ContractUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sends the fuzzer's requests over real HTTP to a running server, as the contract suite's users. */
public final class HttpFuzzTarget {

    /**
     * A request with a body is sent up to this often: a server that refuses the request line
     * answers and closes before reading the body, and Java's client then reports the broken pipe
     * of its body write instead of the answer (7 of 500 POSTs of 20 KB to a path holding a NUL
     * byte; curl, which reads the answer, saw 400 every time). A server that drops such requests
     * fails all three.
     */
    private static final int BODY_ATTEMPTS = 3;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpFuzzTarget(URI base) {
        this.base = base;
    }

    public FuzzAnswer send(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                           byte[] body, ContractUsers caller) {
        StringBuilder uri = new StringBuilder(encodePath(path));
        String separator = "?";
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                uri.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(uri.toString()))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (caller != null) {
            request.header("Authorization", ContractClient.authorization(caller));
        }
        HttpRequest built = request.build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(built,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Map<String, String> answerHeaders = new LinkedHashMap<>();
                response.headers().map().forEach((name, values) -> answerHeaders.put(name.toLowerCase(Locale.ROOT),
                        values.get(0)));
                return new FuzzAnswer(response.statusCode(), answerHeaders, response.body());
            } catch (IOException e) {
                if (body == null || body.length == 0 || attempt == BODY_ATTEMPTS) {
                    throw new UncheckedIOException(method + " " + uri + " failed (attempt " + attempt + ")", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every byte but unreserved characters and the slashes between segments, percent-encoded. */
    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || Character.isLetterOrDigit(c) && c < 0x80) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }
}
