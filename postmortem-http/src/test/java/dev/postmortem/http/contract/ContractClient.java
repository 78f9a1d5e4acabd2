package dev.postmortem.http.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Real HTTP to the server under test, as one of the {@link ContractUsers} or anonymously. */
public final class ContractClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ContractClient(URI base) {
        this.base = base;
    }

    Caller as(ContractUsers user) {
        return new Caller(authorization(user));
    }

    /** The {@code Authorization} value that signs in as {@code user}. */
    public static String authorization(ContractUsers user) {
        return "Basic " + Base64.getEncoder().encodeToString((user.email() + ":" + user.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    URI base() {
        return base;
    }

    Caller anonymous() {
        return new Caller(null);
    }

    /** Requests made with one identity. */
    final class Caller {
        private final String authorization;

        private Caller(String authorization) {
            this.authorization = authorization;
        }

        Reply get(String path, String... headers) {
            return send("GET", path, null, null, headers);
        }

        Reply post(String path, String json, String... headers) {
            return send("POST", path, json, "application/json", headers);
        }

        Reply patch(String path, String json, String... headers) {
            return send("PATCH", path, json, "application/merge-patch+json", headers);
        }

        Reply delete(String path, String... headers) {
            return send("DELETE", path, null, null, headers);
        }

        /** Any method, body and content type; {@code headers} are name, value pairs. */
        Reply send(String method, String path, String body, String contentType, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }

            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(response.statusCode(), response, response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** A response, with its body parsed when it is JSON. */
    record Reply(int status, HttpResponse<String> response, String body) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String id() {
            return json().get("id").asText();
        }

        long version() {
            return json().get("version").asLong();
        }

        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
