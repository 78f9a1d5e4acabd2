package dev.postmortem.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.postmortem.core.model.FieldError;
import java.io.IOException;

/**
 * The API's own Jackson 2 mapper, private to this module, so that the bytes on the wire do
 * not depend on how a host configured its JSON library. Answers are written straight to a
 * generator ({@link JsonDocument}); requests are read by {@link JsonBodyReader}.
 */
final class JsonCodec {

    private final ObjectMapper mapper;

    JsonCodec() {
        mapper = JsonMapper.builder().build();
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

    /** An RFC 9457 problem; {@code instance} is the request's path, left out when unknown. */
    byte[] write(Problem problem, String instance) {
        return write(out -> {
            out.writeStartObject();
            out.writeStringField("type", problem.type());
            out.writeStringField("title", problem.title());
            out.writeNumberField("status", problem.status());
            out.writeStringField("detail", problem.detail());
            if (instance != null) {
                out.writeStringField("instance", instance);
            }
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
