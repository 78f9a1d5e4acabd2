package dev.postmortem.testing.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests to the API under test, as one of the {@link ContractUsers} or anonymously. */
public final class ContractClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Carries one request to the API under test and brings back its answer. */
    @FunctionalInterface
    public interface Transport {
        /**
         * @param path the path with its query, e.g. {@code /api/postmortems?limit=5}
         * @param headers names and values in the order they are sent
         */
        Reply send(String method, String path, Map<String, String> headers, String body);
    }

    private final URI base;
    private final Transport transport;

    /** Real HTTP to the server listening at {@code base}. */
    public ContractClient(URI base) {
        this.base = base;
        this.transport = new Conforming(new OverTheWire(base));
    }

    /** Requests carried by {@code transport}, e.g. straight into an in-process API. */
    public ContractClient(Transport transport) {
        this.base = null;
        this.transport = new Conforming(transport);
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
            Map<String, String> sent = new LinkedHashMap<>();
            if (authorization != null) {
                sent.put("Authorization", authorization);
            }
            if (contentType != null) {
                sent.put("Content-Type", contentType);
            }
            for (int i = 0; i < headers.length; i += 2) {
                sent.put(headers[i], headers[i + 1]);
            }
            return transport.send(method, path, sent, body);
        }
    }

    /** Every answer checked against the OpenAPI document the API serves, read at the first request. */
    private static final class Conforming implements Transport {
        private final Transport transport;
        private OpenApiConformance conformance;

        Conforming(Transport transport) {
            this.transport = transport;
        }

        @Override
        public Reply send(String method, String path, Map<String, String> headers, String body) {
            OpenApiConformance document;
            synchronized (this) {
                if (conformance == null) {
                    conformance = OpenApiConformance.servedBy(transport);
                }
                document = conformance;
            }
            Reply reply = transport.send(method, path, headers, body);
            document.check(method, path, reply);
            return reply;
        }
    }

    private static final class OverTheWire implements Transport {
        private final URI base;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        OverTheWire(URI base) {
            this.base = base;
        }

        @Override
        public Reply send(String method, String path, Map<String, String> headers, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** A response, with its body parsed when it is JSON. */
    public record Reply(int status, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
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
