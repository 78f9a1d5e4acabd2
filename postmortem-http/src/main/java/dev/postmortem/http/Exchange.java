package dev.postmortem.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.postmortem.ExpectedVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One request being answered: what the handlers need, and the helpers they share. */
final class Exchange {

    private static final String JSON = "application/json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final ApiRequest request;
    private final Actor actor;
    private final Map<String, String> pathParameters;
    private final JsonCodec json;
    private final JsonBodyReader reader;
    private final long maxBodyBytes;

    Exchange(ApiRequest request, Actor actor, Map<String, String> pathParameters, JsonCodec json,
             JsonBodyReader reader, long maxBodyBytes) {
        this.request = request;
        this.actor = actor;
        this.pathParameters = pathParameters;
        this.json = json;
        this.reader = reader;
        this.maxBodyBytes = maxBodyBytes;
    }

    ApiRequest request() {
        return request;
    }

    Actor actor() {
        return actor;
    }

    /** A path parameter that must be an id; a malformed one is a 404, as no such thing exists. */
    UUID id(String name) {
        String value = pathParameters.get(name);
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw Problem.of(404, "not-found", "Not found", "No such resource: " + request.path()).raise();
    }

    String parameter(String name) {
        return pathParameters.get(name);
    }

    ExpectedVersion expectedVersion() {
        return Preconditions.expectedVersion(request);
    }

    /** The query parameters: only those the route declares ({@link Route#parameters()}). */
    Map<String, List<String>> query() {
        return request.query();
    }

    /** The body as a JSON object, for POST ({@code application/json}). */
    ObjectNode jsonBody() {
        return body(Set.of(JSON));
    }

    /** The body as a JSON object, for PATCH ({@code application/merge-patch+json} or {@code application/json}). */
    ObjectNode patchBody() {
        return body(Set.of(MERGE_PATCH, JSON));
    }

    private ObjectNode body(Set<String> mediaTypes) {
        String contentType = request.header("Content-Type");
        try (InputStream raw = request.body().open()) {
            if (contentLength() > maxBodyBytes) {
                throw tooLarge();
            }
            SizeLimitedStream limited = new SizeLimitedStream(raw, maxBodyBytes);
            PushbackInputStream in = new PushbackInputStream(limited, 1);
            int first = in.read();
            if (first < 0 && contentType == null) {
                throw Problem.of(400, "malformed-json", "Malformed JSON", "A JSON object is required as the"
                        + " request body, with Content-Type " + String.join(" or ", mediaTypes.stream().sorted()
                        .toList()) + ".").raise();
            }
            if (first >= 0) {
                in.unread(first);
            }
            String mediaType = contentType == null ? ""
                    : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!mediaTypes.contains(mediaType)) {
                throw Problem.of(415, "unsupported-media-type", "Unsupported media type",
                        (contentType == null ? "The request has no Content-Type" : "Content-Type " + contentType
                                + " is not accepted here") + "; send " + String.join(" or ",
                                mediaTypes.stream().sorted().toList()) + ".")
                        .header("Accept-Patch", MERGE_PATCH + ", " + JSON)
                        .raise();
            }
            try {
                // a refusal may leave the rest unread: PostMortemHttpApi reads it (UnreadBody)
                return reader.readObject(in);
            } catch (SizeLimitedStream.TooLarge e) {
                throw tooLarge();
            }
        } catch (IOException e) {
            throw Problem.of(400, "bad-request", "Bad request", "The request body could not be read.").raise();
        }
    }

    private Problem.Raised tooLarge() {
        return Problem.of(413, "payload-too-large", "Payload too large",
                "The request body is larger than the limit of " + maxBodyBytes + " bytes.").raise();
    }

    private long contentLength() {
        String length = request.header("Content-Length");
        try {
            return length == null ? 0 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    ApiResponse json(int status, Object body) {
        return ApiResponse.status(status).body(JSON, json.write(body)).build();
    }

    /** A JSON document that carries a post-mortem, with its version as ETag. */
    ApiResponse document(int status, Object body, long version) {
        return ApiResponse.status(status).header("ETag", Preconditions.etag(version))
                .body(JSON, json.write(body)).build();
    }
}
