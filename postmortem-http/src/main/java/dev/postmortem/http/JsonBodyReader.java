package dev.postmortem.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.model.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Reads a request body into a JSON tree straight from the stream, within bounds that no
 * post-mortem comes near, so that a hostile body costs at most a few hundred kilobytes however
 * it is shaped: at most {@value #MAX_DEPTH} levels, {@value #MAX_VALUES} values in all, no text
 * longer than {@value #MAX_TEXT} characters, and no list longer than its documented maximum
 * ({@code timeline}: {@value Limits#TIMELINE_EVENTS}, ...; any other array {@value #MAX_ARRAY}). The largest document the contract allows has about
 * 3,700 values. A refusal names the list or the place, as validation does.
 */
final class JsonBodyReader {

    static final int MAX_DEPTH = 32;
    static final int MAX_VALUES = 10_000;
    static final int MAX_ARRAY = Limits.TIMELINE_EVENTS;
    /** No text field takes more; stopping a longer string early bounds what one body can allocate. */
    static final int MAX_TEXT = Limits.SECTION;

    /** The document's lists and their limits, worded as validation words them. */
    private static final Map<String, Bound> LISTS = Map.of(
            "timeline", new Bound(Limits.TIMELINE_EVENTS, "events"),
            "actionItems", new Bound(Limits.ACTION_ITEMS, "action items"),
            "contributors", new Bound(Limits.CONTRIBUTORS, "contributors"));

    private record Bound(int max, String noun) {
    }

    private final JsonFactory factory;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    JsonBodyReader() {
        // strict JSON (no comments, NaN or leading zeros: the factory's defaults); a repeated
        // key is ambiguous input, not "last one wins"
        factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH + 1) // ours, which names the place, comes first
                .maxNameLength(1_000)
                .maxStringLength(MAX_TEXT)
                .maxNumberLength(100)
                .maxTokenCount(4L * MAX_VALUES)
                .build());
    }

    /**
     * The body as a JSON object.
     *
     * @throws Problem.Raised 400 when it is not one JSON object within the bounds
     * @throws IOException when the stream fails (a body over the size limit, a client gone)
     */
    ObjectNode readObject(InputStream body) throws IOException {
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw malformed("A JSON object is required as the request body.");
            }
            if (first != JsonToken.START_OBJECT) {
                throw malformed("The body must be a JSON object, not " + describe(first) + ".");
            }
            ObjectNode root = nodes.objectNode();
            new Reading(parser).object(root, 1);
            if (parser.nextToken() != null) {
                throw malformed("The body has content after its JSON object (line "
                        + parser.currentLocation().getLineNr() + ", column "
                        + parser.currentLocation().getColumnNr() + ").");
            }
            return root;
        } catch (JsonProcessingException e) {
            // StreamConstraintsException has no location of its own
            JsonLocation at = e.getLocation();
            throw malformed("The body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".");
        }
    }

    /** One body being read: the parser and the count of values so far. */
    private final class Reading {
        private final JsonParser parser;
        private int values;

        Reading(JsonParser parser) {
            this.parser = parser;
        }

        void object(ObjectNode object, int depth) throws IOException {
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                object.set(name, value(parser.nextToken(), depth, name));
            }
        }

        private JsonNode value(JsonToken token, int depth, String name) throws IOException {
            if (++values > MAX_VALUES) {
                throw Problem.invalid(path(), "is part of a body of more than " + MAX_VALUES
                        + " JSON values; no post-mortem has that many").raise();
            }
            if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
                throw Problem.invalid(path(), "is nested more than " + MAX_DEPTH + " levels deep").raise();
            }
            return switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = nodes.objectNode();
                    object(object, depth + 1);
                    yield object;
                }
                case START_ARRAY -> array(depth, depth == 1 ? LISTS.get(name) : null);
                case VALUE_STRING -> nodes.textNode(text());
                case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? nodes.numberNode(parser.getBigIntegerValue()) : nodes.numberNode(parser.getLongValue());
                case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue());
                case VALUE_TRUE -> nodes.booleanNode(true);
                case VALUE_FALSE -> nodes.booleanNode(false);
                case VALUE_NULL -> nodes.nullNode();
                default -> throw malformed("The body is not valid JSON at " + path() + ".");
            };
        }

        private String text() throws IOException {
            try {
                return parser.getText();
            } catch (StreamConstraintsException tooLong) {
                throw Problem.invalid(path(), "must be at most " + MAX_TEXT + " characters; no text field takes more")
                        .raise();
            }
        }

        private ArrayNode array(int depth, Bound bound) throws IOException {
            String path = path();
            int max = bound == null ? MAX_ARRAY : bound.max();
            ArrayNode array = nodes.arrayNode();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (array.size() == max) {
                    throw Problem.invalid(path, "must have at most " + max + " "
                            + (bound == null ? "elements" : bound.noun())).raise();
                }
                array.add(value(token, depth + 1, null));
            }
            return array;
        }

        /** Where the parser is, in the notation of {@code errors[].field}: {@code actionItems[1].priority}. */
        private String path() {
            Deque<String> parts = new ArrayDeque<>();
            for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                    context = context.getParent()) {
                if (context.inArray() && context.getCurrentIndex() >= 0 && context.hasCurrentIndex()) {
                    parts.push("[" + context.getCurrentIndex() + "]");
                } else if (context.inObject() && context.getCurrentName() != null) {
                    parts.push((context.getParent() == null || context.getParent().inRoot() ? "" : ".")
                            + context.getCurrentName());
                }
            }
            return String.join("", parts);
        }
    }

    private static Problem.Raised malformed(String detail) {
        return Problem.of(400, "malformed-json", "Malformed JSON", detail).raise();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "that";
        };
    }
}
