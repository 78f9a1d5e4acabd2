package dev.postmortem.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.service.FieldError;
import java.io.IOException;

/**
 * The API's own Jackson 2 mapper, private to this module, so that the bytes on the wire do
 * not depend on how a host configured its JSON library. Requests are read as trees and then
 * checked field by field ({@link JsonFields}), which is how every error names its field.
 * Answers are written straight to a generator ({@link JsonDocument}).
 */
final class JsonCodec {

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

    /** The document's UTF-8 bytes. */
    byte[] write(JsonDocument document) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
        try (JsonGenerator out = mapper.createGenerator(bytes, JsonEncoding.UTF8)) {
            document.writeTo(out);
        } catch (IOException e) {
            // only the documents' own code writes here, into memory: a failure is a bug
            throw new IllegalStateException("cannot write a JSON document", e);
        }
        return bytes.toByteArray();
    }

    /** An RFC 9457 problem; {@code instance} is the request's path. */
    byte[] write(Problem problem, String instance) {
        return write(out -> {
            out.writeStartObject();
            out.writeStringField("type", problem.type());
            out.writeStringField("title", problem.title());
            out.writeNumberField("status", problem.status());
            out.writeStringField("detail", problem.detail());
            out.writeStringField("instance", instance);
            if (!problem.errors().isEmpty()) {
                out.writeArrayFieldStart("errors");
                for (FieldError error : problem.errors()) {
                    out.writeStartObject();
                    out.writeStringField("field", error.field());
                    out.writeStringField("message", error.message());
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            for (var extension : problem.extensions().entrySet()) {
                out.writeObjectField(extension.getKey(), extension.getValue());
            }
            out.writeEndObject();
        });
    }
}
