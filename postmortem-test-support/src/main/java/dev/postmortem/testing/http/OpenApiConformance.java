package dev.postmortem.testing.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.OpenApi31;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an answer against the OpenAPI 3.1 document the API serves at
 * {@code /api/postmortems/openapi.json}: its status is documented for the operation, the
 * headers the document requires are there and match their schemas, its media type is one the
 * document lists and its JSON body validates (networknt's validator, OpenAPI 3.1 dialect,
 * formats asserted). A request the document does not describe (an unknown path or method) must
 * be answered with a problem document. So the document cannot drift from what the API does.
 */
final class OpenApiConformance {

    /** Where the API serves its document; the suite runs against the default mount points. */
    static final String DOCUMENT_PATH = "/api/postmortems/openapi.json";
    private static final String DOCUMENT_URI = "https://postmortem.dev/contract/openapi.json";
    private static final Map<String, OpenApiConformance> BY_DOCUMENT = new ConcurrentHashMap<>();

    private final JsonNode document;
    private final List<String> mounts;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiConformance(String text) {
        try {
            document = ContractClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("the served OpenAPI document is not JSON", e);
        }
        mounts = literalStarts(document.path("paths"));
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        schemas = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(),
                builder -> builder.schemas(Map.of(DOCUMENT_URI, text)).schemaRegistryConfig(config));
    }

    /** The checker for the document {@code transport}'s API serves; documents seen before are compiled once. */
    static OpenApiConformance servedBy(ContractClient.Transport transport) {
        Reply reply = transport.send("GET", DOCUMENT_PATH,
                Map.of("Authorization", ContractClient.authorization(ContractUsers.ALICE)), null);
        if (reply.status() != 200) {
            throw new AssertionError("GET " + DOCUMENT_PATH + " answered " + reply.status() + ": " + reply.body());
        }
        return BY_DOCUMENT.computeIfAbsent(reply.body(), OpenApiConformance::new);
    }

    /** Fails with every way {@code reply} departs from the document; paths outside the API (the web UI) pass. */
    void check(String method, String pathAndQuery, Reply reply) {
        String path = pathAndQuery.split("\\?", 2)[0];
        if (!isUnderAMountPoint(path)) {
            return;
        }
        List<String> findings = new ArrayList<>();
        if (reply.header("X-Request-Id") == null) {
            findings.add("no X-Request-Id");
        }
        String pointer = operationPointer(method.equals("HEAD") ? "GET" : method, path);
        if (pointer == null || method.equals("OPTIONS")) {
            checkUndocumented(method, reply, findings);
        } else {
            checkDocumented(pointer, method.equals("HEAD"), reply, findings);
        }
        if (!findings.isEmpty()) {
            throw new AssertionError("the answer to " + method + " " + pathAndQuery + " (" + reply.status()
                    + ") departs from the OpenAPI document: " + String.join("; ", findings) + "\nbody: "
                    + abbreviated(reply.body()));
        }
    }

    private void checkDocumented(String operation, boolean head, Reply reply, List<String> findings) {
        JsonNode responses = resolved(document.at(operation + "/responses"));
        String status = Integer.toString(reply.status());
        String key = responses.has(status) ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            findings.add("status " + status + " is not documented for " + describe(operation));
            return;
        }
        String responsePointer = pointerOf(responses.get(key), operation + "/responses/" + escape(key));
        JsonNode response = document.at(responsePointer);
        for (Map.Entry<String, JsonNode> entry : response.path("headers").properties()) {
            String headerPointer = pointerOf(entry.getValue(), responsePointer + "/headers/" + escape(entry.getKey()));
            JsonNode header = document.at(headerPointer);
            String value = reply.header(entry.getKey());
            if (value == null) {
                if (header.path("required").asBoolean(false)) {
                    findings.add("no " + entry.getKey() + " header");
                }
            } else {
                validate(headerPointer + "/schema", TextNode.valueOf(value), entry.getKey() + " header", findings);
            }
        }
        JsonNode content = response.path("content");
        if (head || reply.status() == 304 || content.isMissingNode()) {
            if (!head && !reply.body().isEmpty()) {
                findings.add("a body where the document describes none");
            }
            return;
        }
        String mediaType = mediaType(reply.header("Content-Type"));
        if (!content.has(mediaType)) {
            findings.add("Content-Type " + reply.header("Content-Type") + " is not one of " + names(content));
            return;
        }
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            validate(responsePointer + "/content/" + escape(mediaType) + "/schema", reply.json(), "body", findings);
        }
    }

    /** Nothing describes it, so it must be refused the way the API refuses: a problem, or OPTIONS' 204 with Allow. */
    private void checkUndocumented(String method, Reply reply, List<String> findings) {
        if (method.equals("OPTIONS") && reply.status() == 204) {
            if (reply.header("Allow") == null) {
                findings.add("OPTIONS answered 204 without Allow");
            }
            return;
        }
        if (reply.status() < 400) {
            findings.add("a request the document does not describe answered " + reply.status());
            return;
        }
        if (method.equals("HEAD")) {
            return;
        }
        if (!"application/problem+json".equals(mediaType(reply.header("Content-Type")))) {
            findings.add("an error that is not application/problem+json: " + reply.header("Content-Type"));
            return;
        }
        validate("/components/schemas/Problem", reply.json(), "problem", findings);
    }

    private void validate(String schemaPointer, JsonNode value, String what, List<String> findings) {
        Schema schema = compiled.computeIfAbsent(schemaPointer,
                pointer -> schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer)));
        for (Error error : schema.validate(value)) {
            findings.add(what + " " + error.getInstanceLocation() + ": " + error.getMessage());
        }
    }

    /** Whether {@code path} is at or below a documented path's literal start, such as {@code /api/postmortems}. */
    private boolean isUnderAMountPoint(String path) {
        return mounts.stream().anyMatch(mount -> path.equals(mount) || path.startsWith(mount + "/"));
    }

    private static List<String> literalStarts(JsonNode paths) {
        List<String> starts = new ArrayList<>();
        paths.fieldNames().forEachRemaining(template -> {
            int parameter = template.indexOf("/{");
            starts.add(parameter < 0 ? template : template.substring(0, parameter));
        });
        return starts;
    }

    /** The JSON pointer of the operation whose path template matches {@code path}; literal segments win. */
    private String operationPointer(String method, String path) {
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> templates = document.path("paths").fieldNames(); templates.hasNext(); ) {
            String template = templates.next();
            int literals = literalSegmentsMatching(template, path);
            if (literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        String operation = method.toLowerCase(Locale.ROOT);
        return best != null && document.path("paths").path(best).has(operation)
                ? "/paths/" + escape(best) + "/" + operation : null;
    }

    /** How many literal segments of {@code template} match {@code path}; -1 when it does not match. */
    private static int literalSegmentsMatching(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith("{") && expected[i].endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return -1;
                }
            } else if (expected[i].equals(actual[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    /** A {@code $ref} to elsewhere in the document, or the node itself where it stands. */
    private static String pointerOf(JsonNode node, String whereItStands) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#") ? ref.substring(1) : whereItStands;
    }

    private JsonNode resolved(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#") ? document.at(ref.substring(1)) : node;
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String describe(String operationPointer) {
        String[] parts = operationPointer.split("/");
        return parts[parts.length - 1].toUpperCase(Locale.ROOT) + " "
                + parts[parts.length - 2].replace("~1", "/").replace("~0", "~");
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 600 ? String.valueOf(body) : body.substring(0, 600) + "...";
    }
}
