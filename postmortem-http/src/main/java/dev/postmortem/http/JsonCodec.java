package dev.postmortem.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.postmortem.core.model.FieldError;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The API's own Jackson 2 mapper, private to this module, so that the bytes on the wire do
 * not depend on how a host configured its JSON library. Answers are records ({@link Documents})
 * written by data binding; requests are read by {@link JsonBodyReader}.
 */
final class JsonCodec {

    private final ObjectMapper mapper;

    JsonCodec() {
        SimpleModule time = new SimpleModule("postmortem-time");
        time.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
                IsoInstant.write(out, value);
            }
        });
        time.addSerializer(LocalDate.class, new StdSerializer<>(LocalDate.class) {
            @Override
            public void serialize(LocalDate value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(value.toString());
            }
        });
        // Blackbird reads the records' components through generated lambdas, not reflection:
        // a fifth of writing a post-mortem went to Method.invoke (async-profiler, benchmarks/load.sh get)
        mapper = JsonMapper.builder().addModule(time).addModule(new BlackbirdModule()).build();
    }

    /** The document's UTF-8 bytes. */
    byte[] write(Object document) {
        try {
            return mapper.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            // only the documents' own records are written here, into memory: a failure is a bug
            throw new IllegalStateException("cannot write a JSON document", e);
        }
    }

    /** An RFC 9457 problem; {@code instance} is the request's path, left out when unknown. */
    byte[] write(Problem problem, String instance) {
        return write(new ProblemDocument(problem.type(), problem.title(), problem.status(), problem.detail(), instance,
                problem.errors(), problem.extensions()));
    }

    /** Members a problem does not have are left out, as RFC 9457 has it; extensions come last. */
    record ProblemDocument(String type, String title, int status, String detail,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String instance,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors,
                           @JsonIgnore Map<String, Object> extensions) {

        @JsonAnyGetter
        Map<String, Object> members() {
            return extensions;
        }
    }
}
