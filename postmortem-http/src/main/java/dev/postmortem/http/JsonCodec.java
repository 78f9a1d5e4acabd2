package dev.postmortem.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.service.FieldError;
import java.io.IOException;

/**
 * The API's own Jackson 2 mapper, private to this module, so that the bytes on the wire do
 * not depend on how a host configured its JSON library. Requests are read as trees and then
 * checked field by field ({@link JsonFields}), which is how every error names its field.
 */
final class JsonCodec {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;

    JsonCodec() {
        mapper = JsonMapper.builder()
                // a repeated key is ambiguous input, not "last one wins"
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(1_048_576)
                .build());
    }

    /** The body as a JSON object, or a 400 problem saying what is wrong with it. */
    ObjectNode readObject(byte[] body) {
        if (body.length == 0) {
            throw Problem.of(400, "malformed-json", "Malformed JSON", "A JSON object is required as the request body.")
                    .raise();
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw Problem.of(400, "malformed-json", "Malformed JSON", "The body is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ").").raise();
        } catch (IOException e) {
            throw Problem.of(400, "malformed-json", "Malformed JSON", "The body could not be read.").raise();
        }
        if (node == null || !node.isObject()) {
            throw Problem.of(400, "malformed-json", "Malformed JSON", "The body must be a JSON object, not "
                    + (node == null ? "empty" : JsonFields.describe(node)) + ".").raise();
        }
        return (ObjectNode) node;
    }

    byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    byte[] write(Problem problem, String instance) {
        ObjectNode json = NODES.objectNode();
        json.put("type", problem.type());
        json.put("title", problem.title());
        json.put("status", problem.status());
        json.put("detail", problem.detail());
        json.put("instance", instance);
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = json.putArray("errors");
            for (FieldError error : problem.errors()) {
                errors.addObject().put("field", error.field()).put("message", error.message());
            }
        }
        problem.extensions().forEach((name, value) -> json.set(name, mapper.valueToTree(value)));
        return write(json);
    }
}
