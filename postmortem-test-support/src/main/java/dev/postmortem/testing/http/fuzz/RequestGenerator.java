package dev.postmortem.testing.http.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests against the contract, valid and not, from one seed: the spec's example and the
 * element shapes, mutated (fields removed, retyped, renamed, nested, filled with hostile text),
 * raw bytes that are not JSON at all, paths, query parameters and headers of every kind.
 */
final class RequestGenerator {

    static final String BASE = "/api/postmortems";

    private static final List<String> PATHS = List.of("", "/{id}", "/{id}", "/{id}", "/{id}/export",
            "/{id}/timeline", "/{id}/timeline/{event}", "/{id}/action-items", "/{id}/action-items/{item}",
            "/{id}/nothing", "/{random}", "/{random}/timeline/{random}");
    /** Where each method does something, so that most requests get past routing into the rules. */
    private static final Map<String, List<String>> FITTING_PATHS = Map.of(
            "POST", List.of("", "/{id}/timeline", "/{id}/action-items"),
            "PATCH", List.of("/{id}", "/{id}", "/{id}/timeline/{event}", "/{id}/action-items/{item}"),
            "DELETE", List.of("/{id}", "/{id}/timeline/{event}", "/{id}/action-items/{item}"));
    private static final List<String> METHODS = List.of("GET", "GET", "GET", "POST", "POST", "PATCH", "PATCH",
            "PATCH", "DELETE", "HEAD", "PUT", "OPTIONS");
    private static final List<String> QUERY_NAMES = List.of("status", "incidentId", "q", "limit", "cursor",
            "format", "dryRun", "_method", "fields");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/merge-patch+json", "application/json; charset=utf-8", "text/plain", "application/xml",
            "application/json;;;", "");
    private static final List<String> IF_MATCH = List.of("{etag}", "{etag}", "\"1\"", "\"999\"", "W/\"1\"", "*",
            "garbage", "\"\"", "\"-1\"", "\"99999999999999999999\"");
    private static final List<String> CALLERS = List.of("carol@example.com", "carol@example.com",
            "carol@example.com", "carol@example.com", "admin@example.com", "dave@example.com");

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();
    private static final ObjectNode SPEC = spec();

    private final NastyValues nasty;
    private final int maxUriText;

    /**
     * @param maxUriText the longest text put into a path segment or query value: a server
     *     refuses a request line over its limit (8 KiB) before it can read the body, and then can
     *     only close the connection (HostileRequestContract sends those on purpose)
     */
    RequestGenerator(Random random, int maxUriText) {
        this.nasty = new NastyValues(random);
        this.maxUriText = maxUriText;
    }

    private String uriText() {
        String text = nasty.text();
        return text.length() > maxUriText ? text.substring(0, maxUriText) : text;
    }

    FuzzRequest next() {
        String method = nasty.chance(3) ? nasty.oneOf(List.of("TRACE", "BREW", "PROPFIND")) : nasty.oneOf(METHODS);
        List<String> fitting = FITTING_PATHS.getOrDefault(method, PATHS);
        String relative = (nasty.chance(75) ? nasty.oneOf(fitting) : nasty.oneOf(PATHS))
                .replace("{random}", nasty.chance(50) ? nasty.uuid().toString() : uriText());
        boolean templates = nasty.chance(5);
        String path = templates ? "/api/postmortem-templates" + (nasty.chance(50) ? "" : "/" + uriText())
                : BASE + relative;
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = nasty.chance(60) ? 0 : 1 + nasty.random().nextInt(3); i > 0; i--) {
            String name = nasty.chance(85) ? nasty.oneOf(QUERY_NAMES) : uriText();
            query.computeIfAbsent(name, unused -> new ArrayList<>()).add(queryValue(name));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        if (method.equals("POST") || method.equals("PATCH") || method.equals("PUT") || nasty.chance(5)) {
            body = body(method, relative);
            String type = nasty.oneOf(CONTENT_TYPES);
            if (method.equals("PATCH") && nasty.chance(50)) {
                type = "application/merge-patch+json";
            }
            if (!type.isEmpty()) {
                headers.put("Content-Type", type);
            }
        }
        if (nasty.chance(40)) {
            headers.put("If-Match", nasty.oneOf(IF_MATCH));
        }
        if (nasty.chance(10)) {
            headers.put(nasty.oneOf(List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")),
                    nasty.oneOf(List.of("DELETE", "PATCH", "PUT", "POST", "GET")));
        }
        if (nasty.chance(10)) {
            headers.put("If-None-Match", nasty.oneOf(List.of("{etag}", "*", "W/\"1\"", "garbage")));
        }
        if (nasty.chance(10)) {
            headers.put("X-Request-Id", nasty.chance(50) ? "fuzz-" + nasty.random().nextInt(1000)
                    : asciiOnly(uriText()));
        }
        String caller = nasty.chance(5) ? null : nasty.oneOf(CALLERS);
        return new FuzzRequest(method, path, query, headers, body, caller);
    }

    private String queryValue(String name) {
        return switch (name) {
            case "status" -> nasty.chance(60) ? nasty.oneOf(List.of("DRAFT", "IN_REVIEW,PUBLISHED", "ARCHIVED"))
                    : uriText();
            case "limit" -> nasty.chance(60) ? Integer.toString(nasty.random().nextInt(120) - 5) : uriText();
            case "format" -> nasty.chance(60) ? nasty.oneOf(List.of("markdown", "html")) : uriText();
            default -> uriText();
        };
    }

    private byte[] body(String method, String relative) {
        if (nasty.chance(10)) {
            return rawBody();
        }
        ObjectNode body;
        if (relative.isEmpty()) {
            body = SPEC.deepCopy();
            body.put("incidentId", "INC-FUZZ");
        } else if (relative.endsWith("/timeline") || relative.contains("/timeline/")) {
            body = PLAIN.createObjectNode().put("time", nasty.chance(70) ? "16:00" : nasty.text())
                    .put("description", nasty.chance(70) ? "fuzzed event" : nasty.text());
        } else if (relative.contains("action-items")) {
            body = PLAIN.createObjectNode().put("description", nasty.chance(70) ? "fuzzed item" : nasty.text())
                    .put("priority", nasty.oneOf(List.of("HIGH", "LOW", "urgent")))
                    .put("status", nasty.oneOf(List.of("TODO", "DONE", "WONTFIX")));
        } else {
            body = patch();
        }
        for (int i = nasty.random().nextInt(4); i > 0; i--) {
            mutate(body, 0);
        }
        try {
            return (nasty.chance(50) ? ESCAPING : PLAIN).writeValueAsBytes(body);
        } catch (JsonProcessingException unwritable) {
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A merge patch of a few of the document's fields, with values from the example or hostile ones. */
    private ObjectNode patch() {
        ObjectNode patch = PLAIN.createObjectNode();
        for (int i = 1 + nasty.random().nextInt(3); i > 0; i--) {
            String field = nasty.oneOf(List.of("title", "summary", "impact", "rootCause", "status", "timeline",
                    "actionItems", "contributors", "incidentId"));
            JsonNode value = field.equals("status") && nasty.chance(60)
                    ? PLAIN.getNodeFactory().textNode(nasty.oneOf(List.of("IN_REVIEW", "DRAFT", "PUBLISHED")))
                    : nasty.chance(50) && SPEC.has(field) ? SPEC.get(field).deepCopy() : nasty.value(0);
            patch.set(field, value);
        }
        return patch;
    }

    /** One random change somewhere in the tree: a field removed, retyped, added or an element appended. */
    private void mutate(JsonNode node, int depth) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty() && depth < 3 && nasty.chance(40)) {
                mutate(object.get(nasty.oneOf(names)), depth + 1);
                return;
            }
            switch (nasty.random().nextInt(3)) {
                case 0 -> {
                    if (!names.isEmpty()) {
                        object.remove(nasty.oneOf(names));
                    }
                }
                case 1 -> object.set(names.isEmpty() ? nasty.fieldName() : nasty.oneOf(names), nasty.value(depth));
                default -> object.set(nasty.fieldName(), nasty.value(depth));
            }
        } else if (node instanceof ArrayNode array) {
            if (!array.isEmpty() && depth < 3 && nasty.chance(50)) {
                mutate(array.get(nasty.random().nextInt(array.size())), depth + 1);
            } else {
                array.add(nasty.value(depth));
            }
        }
    }

    private byte[] rawBody() {
        return switch (nasty.random().nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> nasty.oneOf(List.of("{", "[]", "null", "{}{}", "\"x\"", "{\"title\":\"a\",\"title\":\"b\"}",
                    "{\"title\": 1e99999999}", "{'title':'x'}", "{\"a\":NaN}")).getBytes(StandardCharsets.UTF_8);
            case 2 -> "[".repeat(1 + nasty.random().nextInt(200)).getBytes(StandardCharsets.UTF_8);
            case 3 -> {
                byte[] bytes = new byte[1 + nasty.random().nextInt(200)];
                nasty.random().nextBytes(bytes);
                yield bytes;
            }
            case 4 -> new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            default -> ("{\"summary\":\"" + nasty.text().replace("\\", "").replace("\"", "") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String asciiOnly(String text) {
        return text.chars().filter(c -> c >= 0x20 && c < 0x7F).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static ObjectNode spec() {
        try (InputStream in = RequestGenerator.class.getResourceAsStream("/dev/postmortem/testing/http/spec-example.json")) {
            return (ObjectNode) PLAIN.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
