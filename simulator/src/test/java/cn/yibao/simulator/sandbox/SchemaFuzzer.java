package cn.yibao.simulator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Requests generated from the schemas of docs/openapi.yaml: a valid instance of a schema, and its
 * mutations — each field made wrong (another JSON type), missing (when required), out of range
 * (beyond a bound, an enum, a pattern or a length) — and an extra field, which the document allows.
 * Strings get domain values by field name now and then (the employee on the sandbox's reader, the catalog's items), so that
 * valid requests also reach the counter's successes, not only its refusals.
 */
final class SchemaFuzzer {

    /** A mutated request: what was changed, the body, and whether the document still allows it. */
    record Mutation(String what, JsonNode body, boolean stillValid) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The patterns of the document and how to make a matching string; an unknown pattern fails. */
    private static final Map<String, Function<Random, String>> PATTERNS = Map.of(
            "^[0-9]{6}$", r -> String.format("%06d", r.nextInt(1_000_000)),
            "^[0-9A-Za-z._/-]{1,50}$", r -> word(r, 1 + r.nextInt(20)),
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$", r -> String.format("2026-%02d-%02d %02d:%02d:%02d",
                    1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60)));
    private static final Map<String, List<String>> HINTS = Map.of(
            "psn_no", List.of(SandboxFixture.EMPLOYEE_PSN_NO, "22010000000000000000P2", "P0003"),
            "med_list_codg", List.of("6901234500048", "XA11GAA054A001010100261"),
            "hilist_code", List.of("6901234500048"),
            "card_pin", List.of("123456"),
            "hilist_name", List.of("胶囊"));

    private final JsonNode doc;
    private final Random random;

    SchemaFuzzer(Path openapi, long seed) throws IOException {
        this.doc = new ObjectMapper(new YAMLFactory()).readTree(openapi.toFile());
        this.random = new Random(seed);
    }

    JsonNode document() {
        return doc;
    }

    /** @return the schema with its {@code $ref} followed and its {@code allOf} merged into one */
    JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String[] parts = schema.get("$ref").asText().substring(2).split("/");
            JsonNode target = doc;
            for (String part : parts) {
                target = target.path(part);
            }
            schema = target;
        }
        if (!schema.has("allOf")) {
            return schema;
        }
        ObjectNode merged = F.objectNode();
        ObjectNode properties = merged.putObject("properties");
        ArrayNode required = merged.putArray("required");
        merged.put("type", "object");
        for (JsonNode part : schema.get("allOf")) {
            JsonNode p = resolve(part);
            p.path("properties").properties().forEach(e -> properties.set(e.getKey(),
                    properties.has(e.getKey()) ? mergeTwo(properties.get(e.getKey()), e.getValue()) : e.getValue()));
            p.path("required").forEach(required::add);
        }
        return merged;
    }

    private JsonNode mergeTwo(JsonNode a, JsonNode b) {
        JsonNode ra = resolve(a);
        JsonNode rb = resolve(b);
        if (ra.has("properties") && rb.has("properties")) {
            return resolve(F.objectNode().set("allOf", F.arrayNode().add(ra).add(rb)));
        }
        ObjectNode merged = ra.deepCopy();
        merged.setAll((ObjectNode) rb.deepCopy());
        return merged;
    }

    /** @return a valid instance of {@code schema}; {@code name} is the field's name, for hints */
    JsonNode valid(JsonNode schema, String name) {
        JsonNode s = resolve(schema);
        if (s.has("oneOf")) {
            return valid(s.get("oneOf").get(random.nextInt(s.get("oneOf").size())), name);
        }
        if (s.has("enum")) {
            JsonNode values = s.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        switch (s.path("type").asText("object")) {
            case "object":
                ObjectNode obj = F.objectNode();
                List<String> required = new ArrayList<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                s.path("properties").properties().forEach(e -> {
                    if (required.contains(e.getKey()) || random.nextInt(3) > 0) {
                        obj.set(e.getKey(), valid(e.getValue(), e.getKey()));
                    }
                });
                return obj;
            case "array":
                ArrayNode arr = F.arrayNode();
                int n = Math.max(s.path("minItems").asInt(0), 1 + random.nextInt(3));
                for (int i = 0; i < Math.min(n, s.path("maxItems").asInt(100)); i++) {
                    arr.add(valid(s.get("items"), name));
                }
                return arr;
            case "string":
                return F.textNode(string(s, name));
            case "integer":
                long lo = s.path("minimum").asLong(0);
                long hi = Math.min(s.path("maximum").asLong(1000), lo + 1000);
                return F.numberNode(lo + random.nextInt((int) (hi - lo + 1)));
            case "number":
                return F.numberNode(number(s));
            case "boolean":
                return F.booleanNode(random.nextBoolean());
            default:
                throw new IllegalStateException("no generator for " + s);
        }
    }

    private String string(JsonNode s, String name) {
        if (HINTS.containsKey(name) && random.nextInt(4) > 0) {
            List<String> hints = HINTS.get(name);
            return hints.get(random.nextInt(hints.size()));
        }
        if (s.has("pattern")) {
            Function<Random, String> gen = PATTERNS.get(s.get("pattern").asText());
            if (gen == null) {
                throw new IllegalStateException("no generator for pattern " + s.get("pattern").asText());
            }
            return gen.apply(random);
        }
        if ("date".equals(s.path("format").asText())) {
            return String.format("2026-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
        }
        int max = s.path("maxLength").asInt(30);
        return word(random, 1 + random.nextInt(Math.min(max, 16)));
    }

    private BigDecimal number(JsonNode s) {
        BigDecimal min = s.has("minimum") ? s.get("minimum").decimalValue() : BigDecimal.ZERO;
        BigDecimal max = s.has("maximum") ? s.get("maximum").decimalValue() : new BigDecimal("500");
        BigDecimal span = max.subtract(min).min(new BigDecimal("500"));
        BigDecimal v = min.add(span.multiply(BigDecimal.valueOf(random.nextDouble()))).setScale(2, RoundingMode.DOWN);
        return v.compareTo(min) <= 0 && s.path("exclusiveMinimum").asBoolean(false) ? min.add(new BigDecimal("0.01")) : v;
    }

    static String word(Random r, int length) {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(letters.charAt(r.nextInt(letters.length())));
        }
        return b.toString();
    }

    /** @return every mutation of {@code instance}, a valid instance of {@code schema}, at and below {@code path} */
    List<Mutation> mutations(JsonNode schema, JsonNode instance, String path) {
        List<Mutation> out = new ArrayList<>();
        JsonNode s = resolve(schema);
        if (s.has("oneOf")) {
            for (JsonNode option : s.get("oneOf")) {
                if (sameKind(resolve(option), instance)) {
                    out.addAll(mutations(option, instance, path));
                }
            }
            return out;
        }
        out.add(new Mutation(path + ": wrong type", wrongType(s, instance), false));
        outOfRange(s, instance).forEach(v -> out.add(new Mutation(path + ": out of range " + v, v, false)));
        if (instance.isObject()) {
            List<String> required = new ArrayList<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<String> it = instance.fieldNames(); it.hasNext();) {
                String field = it.next();
                JsonNode fieldSchema = s.path("properties").get(field);
                if (required.contains(field)) {
                    ObjectNode without = instance.deepCopy();
                    without.remove(field);
                    out.add(new Mutation(path + "." + field + ": missing", without, false));
                }
                if (fieldSchema != null) {
                    for (Mutation m : mutations(fieldSchema, instance.get(field), path + "." + field)) {
                        ObjectNode copy = instance.deepCopy();
                        copy.set(field, m.body());
                        out.add(new Mutation(m.what(), copy, m.stillValid()));
                    }
                }
            }
            ObjectNode extra = instance.deepCopy();
            extra.put("x_extra_field", "ignored");
            out.add(new Mutation(path + ": extra field", extra, true));
        } else if (instance.isArray() && !instance.isEmpty()) {
            for (Mutation m : mutations(s.get("items"), instance.get(0), path + "[0]")) {
                ArrayNode copy = instance.deepCopy();
                copy.set(0, m.body());
                out.add(new Mutation(m.what(), copy, m.stillValid()));
            }
        }
        return out;
    }

    private static boolean sameKind(JsonNode schema, JsonNode instance) {
        return "array".equals(schema.path("type").asText()) == instance.isArray();
    }

    private JsonNode wrongType(JsonNode s, JsonNode instance) {
        if (instance.isTextual()) {
            return random.nextBoolean() ? F.numberNode(random.nextInt(100)) : F.arrayNode().add(instance);
        }
        if (instance.isNumber()) {
            return random.nextBoolean() ? F.textNode("x" + instance.asText()) : F.booleanNode(true);
        }
        if (instance.isObject()) {
            return random.nextBoolean() ? F.textNode("object") : F.arrayNode().add(instance);
        }
        if (instance.isArray()) {
            return F.textNode("list");
        }
        return F.objectNode();
    }

    private List<JsonNode> outOfRange(JsonNode s, JsonNode instance) {
        List<JsonNode> out = new ArrayList<>();
        if (s.has("enum")) {
            out.add(F.textNode("Z" + instance.asText()));
        }
        if (instance.isNumber()) {
            if (s.has("maximum")) {
                out.add(F.numberNode(s.get("maximum").decimalValue().add(BigDecimal.ONE)));
            }
            if (s.has("minimum")) {
                out.add(F.numberNode(s.get("minimum").decimalValue().subtract(s.path("exclusiveMinimum").asBoolean(false)
                        ? BigDecimal.ZERO : BigDecimal.ONE)));
            }
            if (s.has("multipleOf")) {
                out.add(F.numberNode(instance.decimalValue().add(new BigDecimal("0.001"))));
            }
            if ("integer".equals(s.path("type").asText())) {
                out.add(F.numberNode(new BigDecimal("1.5")));
            }
        }
        if (instance.isTextual()) {
            if (s.has("maxLength")) {
                out.add(F.textNode("A".repeat(s.get("maxLength").asInt() + 1)));
            }
            if (s.has("pattern") || "date".equals(s.path("format").asText())) {
                out.add(F.textNode(instance.asText() + " !"));
            }
        }
        if (instance.isArray() && s.has("maxItems")) {
            ArrayNode tooMany = F.arrayNode();
            for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                tooMany.add(instance.get(0));
            }
            out.add(tooMany);
        }
        return out;
    }
}
