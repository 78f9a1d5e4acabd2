package dev.postmortem.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.core.model.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads one JSON object strictly: only the allowed fields, each of the right type, every
 * error recorded with its full path ({@code actionItems[1].priority}) instead of stopping at
 * the first. Absent and {@code null} both read as {@code null}; {@link #has} tells them apart,
 * which is what merge patch needs.
 */
final class JsonFields {

    /** Written by the server only; a client sending them has misunderstood the contract. */
    static final Set<String> SERVER_OWNED = Set.of("id", "version", "createdAt", "createdBy", "updatedAt",
            "publishedAt", "statusHistory", "allowedTransitions", "allowedEdits", "durations");

    private final ObjectNode node;
    private final String prefix;
    private final List<FieldError> errors;

    JsonFields(ObjectNode node, String prefix, List<FieldError> errors, Set<String> allowed, Set<String> serverOwned) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (allowed.contains(name)) {
                continue;
            }
            if (serverOwned.contains(name)) {
                errors.add(new FieldError(path(name), "is set by the server and cannot be written"));
            } else {
                errors.add(new FieldError(path(name), "is not a known field; known fields are "
                        + allowed.stream().sorted().collect(Collectors.joining(", "))));
            }
        }
    }

    boolean has(String name) {
        return node.has(name);
    }

    String text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(path(name), "must be a string, not " + describe(value)));
            return null;
        }
        return value.textValue();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.textValue())) {
                    return constant;
                }
            }
        }
        errors.add(new FieldError(path(name), "must be one of " + allowed));
        return null;
    }

    /** A whole number that fits a {@code long}; {@code 1200}, never {@code 1200.5} or {@code "1200"}. */
    Long wholeNumber(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        errors.add(new FieldError(path(name), value.isNumber() ? "must be a whole number"
                : "must be a number, not " + describe(value)));
        return null;
    }

    /** A number, whole or not; {@code 12.5}. */
    Double number(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber() && Double.isFinite(value.doubleValue())) {
            return value.doubleValue();
        }
        errors.add(new FieldError(path(name), "must be a number, not " + describe(value)));
        return null;
    }

    Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        errors.add(new FieldError(path(name), "must be true or false, not " + describe(value)));
        return null;
    }

    LocalDate date(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path(name), "must be an ISO date such as 2024-02-01"));
            return null;
        }
    }

    UUID uuid(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError(path(name), "must be an id in UUID form"));
        return null;
    }

    /** An array of strings; {@code null} when absent or null. */
    List<String> strings(String name) {
        return array(name, (element, elementPath) -> {
            if (element.isTextual()) {
                return element.textValue();
            }
            if (!element.isNull()) {
                errors.add(new FieldError(elementPath, "must be a string, not " + describe(element)));
            }
            return null;
        });
    }

    /** An array of objects, each read by {@code reader}; {@code null} when absent or null. */
    <T> List<T> objects(String name, Function<JsonFields, T> reader, Set<String> allowed, Set<String> serverOwned) {
        return array(name, (element, elementPath) -> {
            if (element.isObject()) {
                return reader.apply(new JsonFields((ObjectNode) element, elementPath, errors, allowed, serverOwned));
            }
            if (!element.isNull()) {
                errors.add(new FieldError(elementPath, "must be an object, not " + describe(element)));
            }
            return null;
        });
    }

    private interface ElementReader<T> {
        T read(JsonNode element, String path);
    }

    private <T> List<T> array(String name, ElementReader<T> reader) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(new FieldError(path(name), "must be an array, not " + describe(value)));
            return null;
        }
        List<T> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            result.add(reader.read(value.get(i), path(name) + "[" + i + "]"));
        }
        return result;
    }

    private String path(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    static String describe(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "a string";
    }
}
