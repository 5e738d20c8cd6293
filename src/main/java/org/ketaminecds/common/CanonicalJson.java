package org.ketaminecds.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical JSON: object members sorted by key, no insignificant whitespace, so equal content hashes equally
 * whatever order the EHR sent it in. This is the audit trail's storage and hashing form, so it has its own writer:
 * it must not change with the application's JSON settings (the HTTP APIs use Spring's one configured mapper).
 */
public final class CanonicalJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private CanonicalJson() {
    }

    /** The canonical text of a JSON tree. */
    public static String of(JsonNode node) {
        return MAPPER.writeValueAsString(sorted(node));
    }

    /** The canonical text of any value Jackson can serialize (records, lists, maps). */
    public static String ofValue(Object value) {
        return of(MAPPER.valueToTree(value));
    }

    /** Hex SHA-256 of the canonical text. */
    public static String sha256(JsonNode node) {
        return sha256(of(node));
    }

    /** Hex SHA-256 of a text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A copy of the tree without any member called {@code name}, at any depth: how responses are compared when
     * card and suggestion {@code uuid}s are fresh on every rendering.
     */
    public static JsonNode without(JsonNode node, String name) {
        JsonNode copy = node.deepCopy();
        remove(copy, name);
        return copy;
    }

    private static void remove(JsonNode node, String name) {
        if (node instanceof ObjectNode object) {
            object.remove(name);
        }
        node.forEach(child -> remove(child, name));
    }

    /** Binds a tree to a type (the audit trail's records, read back). */
    public static <T> T read(JsonNode node, Class<T> type) {
        return MAPPER.treeToValue(node, type);
    }

    /** Parses JSON text. */
    public static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> members = new TreeMap<>();
            object.properties().forEach(e -> members.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            members.forEach(copy::set);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
