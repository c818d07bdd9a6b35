package cn.yibao.terminal.policy;

import static cn.yibao.terminal.json.JsonFields.amount;
import static cn.yibao.terminal.json.JsonFields.bool;
import static cn.yibao.terminal.json.JsonFields.enumValue;
import static cn.yibao.terminal.json.JsonFields.object;
import static cn.yibao.terminal.json.JsonFields.optional;
import static cn.yibao.terminal.json.JsonFields.required;
import static cn.yibao.terminal.json.JsonFields.text;

import cn.yibao.card.Money;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.terminal.json.InvalidInputException;
import cn.yibao.terminal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads the policy-pack JSON format of {@code docs/policy-pack.md} into a {@link PolicyPack}.
 * Every error names the offending field. Signature handling is in {@link PolicyPackLoader}.
 */
public final class PolicyPackReader {

    /** The value of {@code format} in a pack. */
    public static final String FORMAT = "yibao-policy-pack/1";
    /** Largest amount anywhere in a pack. */
    private static final Money MAX = Money.ofYuan(100_000_000);
    private static final int MAX_LIST = 32;
    private static final List<InstitutionLevel> LEVELS = List.of(InstitutionLevel.values());
    /** The top-level fields of a pack. */
    static final Set<String> FIELDS = Set.of("format", "region", "version", "effective_from", "effective_to",
            "source", "self_share", "employee_inpatient", "resident_inpatient", "outpatient_pooling", "accident",
            "resident_allowance", "counter");

    private PolicyPackReader() {
    }

    /**
     * Converts a parsed pack document.
     *
     * @throws InvalidInputException naming the offending field
     */
    public static PolicyPack read(JsonNode root) {
        object(root, "", FIELDS);
        String format = text(required(root, "", "format"), "format");
        if (!FORMAT.equals(format)) {
            throw new InvalidInputException("format: expected \"" + FORMAT + "\"");
        }
        JsonNode region = object(required(root, "", "region"), "region", Set.of("code", "name"));
        JsonNode to = optional(root, "effective_to");
        JsonNode source = optional(root, "source");
        JsonNode counter = optional(root, "counter");
        if (source != null) {
            text(source, "source");
        }
        try {
            return new PolicyPack(text(required(region, "region", "code"), "region.code"),
                    text(required(region, "region", "name"), "region.name"),
                    text(required(root, "", "version"), "version"),
                    date(required(root, "", "effective_from"), "effective_from"),
                    to == null ? null : date(to, "effective_to"),
                    selfShare(required(root, "", "self_share")),
                    employee(required(root, "", "employee_inpatient")),
                    resident(required(root, "", "resident_inpatient")),
                    outpatient(required(root, "", "outpatient_pooling")),
                    accident(required(root, "", "accident")),
                    groupMap(required(root, "", "resident_allowance"), "resident_allowance", false,
                            (n, p) -> amount(n, p, MAX)),
                    counter == null ? CounterPolicy.DEFAULT : counter(counter));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static SelfShareRates selfShare(JsonNode node) {
        String p = "self_share";
        object(node, p, Set.of("employee_in_service", "employee_retired", "resident", "resident_retired"));
        return new SelfShareRates(rate(required(node, p, "employee_in_service"), p + ".employee_in_service"),
                rate(required(node, p, "employee_retired"), p + ".employee_retired"),
                rate(required(node, p, "resident"), p + ".resident"),
                rate(required(node, p, "resident_retired"), p + ".resident_retired"));
    }

    private static EmployeeInpatientPolicy employee(JsonNode node) {
        String p = "employee_inpatient";
        object(node, p, Set.of("deductible", "personal_ratio", "annual_pooling_limit", "large_amount_relief",
                "civil_servant", "out_of_region"));
        JsonNode ratio = object(required(node, p, "personal_ratio"), p + ".personal_ratio",
                Set.of("in_service", "retired"));
        JsonNode cs = object(required(node, p, "civil_servant"), p + ".civil_servant",
                Set.of("self_rate", "over_limit_rate"));
        JsonNode oor = object(required(node, p, "out_of_region"), p + ".out_of_region", Set.of("deductible", "rate"));
        return new EmployeeInpatientPolicy(
                levelMap(required(node, p, "deductible"), p + ".deductible", (n, q) -> amount(n, q, MAX)),
                levelMap(required(ratio, p + ".personal_ratio", "in_service"), p + ".personal_ratio.in_service",
                        PolicyPackReader::rate),
                levelMap(required(ratio, p + ".personal_ratio", "retired"), p + ".personal_ratio.retired",
                        PolicyPackReader::rate),
                amount(required(node, p, "annual_pooling_limit"), p + ".annual_pooling_limit", MAX),
                tiers(required(node, p, "large_amount_relief"), p + ".large_amount_relief"),
                rate(required(cs, p + ".civil_servant", "self_rate"), p + ".civil_servant.self_rate"),
                rate(required(cs, p + ".civil_servant", "over_limit_rate"), p + ".civil_servant.over_limit_rate"),
                amount(required(oor, p + ".out_of_region", "deductible"), p + ".out_of_region.deductible", MAX),
                rate(required(oor, p + ".out_of_region", "rate"), p + ".out_of_region.rate"));
    }

    private static ResidentInpatientPolicy resident(JsonNode node) {
        String p = "resident_inpatient";
        object(node, p, Set.of("deductible", "bands", "out_of_region_groups"));
        return new ResidentInpatientPolicy(
                groupMap(required(node, p, "deductible"), p + ".deductible", true,
                        (n, q) -> levelMap(n, q, (m, r) -> amount(m, r, MAX))),
                groupMap(required(node, p, "bands"), p + ".bands", true,
                        (n, q) -> levelMap(n, q, PolicyPackReader::tiers)),
                enumSet(required(node, p, "out_of_region_groups"), p + ".out_of_region_groups", ResidentGroup.groups()));
    }

    private static OutpatientPoolingPolicy outpatient(JsonNode node) {
        String p = "outpatient_pooling";
        object(node, p, Set.of("levels", "annual_ceiling", "rates"));
        return new OutpatientPoolingPolicy(enumSet(required(node, p, "levels"), p + ".levels", LEVELS),
                amount(required(node, p, "annual_ceiling"), p + ".annual_ceiling", MAX),
                groupMap(required(node, p, "rates"), p + ".rates", false, PolicyPackReader::rate));
    }

    private static AccidentPolicy accident(JsonNode node) {
        String p = "accident";
        object(node, p, Set.of("groups", "threshold", "cap", "rate"));
        return new AccidentPolicy(enumSet(required(node, p, "groups"), p + ".groups", ResidentGroup.groups()),
                amount(required(node, p, "threshold"), p + ".threshold", MAX),
                amount(required(node, p, "cap"), p + ".cap", MAX),
                rate(required(node, p, "rate"), p + ".rate"));
    }

    private static CounterPolicy counter(JsonNode node) {
        String p = "counter";
        object(node, p, Set.of("refuse_non_medical", "refuse_listed_cards", "report_listed_cards",
                "refuse_in_hospital_at_pharmacy", "refuse_empty_sale", "prescription_required",
                "daily_insured_purchases", "offline", "price_above_catalog"));
        JsonNode off = object(required(node, p, "offline"), p + ".offline",
                Set.of("max_insured_amount", "max_count", "max_hours"));
        String o = p + ".offline";
        return new CounterPolicy(bool(required(node, p, "refuse_non_medical"), p + ".refuse_non_medical"),
                bool(required(node, p, "refuse_listed_cards"), p + ".refuse_listed_cards"),
                bool(required(node, p, "report_listed_cards"), p + ".report_listed_cards"),
                bool(required(node, p, "refuse_in_hospital_at_pharmacy"), p + ".refuse_in_hospital_at_pharmacy"),
                bool(required(node, p, "refuse_empty_sale"), p + ".refuse_empty_sale"),
                bool(required(node, p, "prescription_required"), p + ".prescription_required"),
                count(required(node, p, "daily_insured_purchases"), p + ".daily_insured_purchases",
                        CounterPolicy.MAX_DAILY),
                new CounterPolicy.OfflineLimit(amount(required(off, o, "max_insured_amount"), o + ".max_insured_amount", MAX),
                        count(required(off, o, "max_count"), o + ".max_count", CounterPolicy.OfflineLimit.MAX_COUNT),
                        java.time.Duration.ofHours(count(required(off, o, "max_hours"), o + ".max_hours", 744))),
                priceAboveCatalog(node.get("price_above_catalog"), p + ".price_above_catalog"));
    }

    /** @return whether {@code price_above_catalog} (optional, default refuse) allows prices above the catalog */
    private static boolean priceAboveCatalog(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return false;
        }
        String value = node.isTextual() ? node.asText() : "";
        if (!value.equals("refuse") && !value.equals("allow")) {
            throw new InvalidInputException(path + ": refuse or allow is required");
        }
        return value.equals("allow");
    }

    private static int count(JsonNode node, String path, int max) {
        if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > max) {
            throw new InvalidInputException(path + ": a whole number from 0 to " + max + " is required");
        }
        return node.asInt();
    }

    private static Rate rate(JsonNode node, String path) {
        String literal = node.isNumber() ? node.decimalValue().toPlainString() : text(node, path);
        try {
            return Rate.parse(literal);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path + ": " + e.getMessage(), e);
        }
    }

    private static LocalDate date(JsonNode node, String path) {
        try {
            return LocalDate.parse(text(node, path));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path + ": a date yyyy-MM-dd is required", e);
        }
    }

    private static List<Tier> tiers(JsonNode node, String path) {
        JsonFields.array(node, path, MAX_LIST);
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode t = object(node.get(i), p, Set.of("up_to", "rate"));
            JsonNode upTo = optional(t, "up_to");
            tiers.add(new Tier(upTo == null ? null : amount(upTo, p + ".up_to", MAX), rate(required(t, p, "rate"),
                    p + ".rate")));
        }
        try {
            return Tier.ascending(path, tiers);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static <V> Map<InstitutionLevel, V> levelMap(JsonNode node, String path,
            BiFunction<JsonNode, String, V> value) {
        Map<InstitutionLevel, V> map = enumMap(node, path, LEVELS, value);
        for (InstitutionLevel level : Rules.INPATIENT_LEVELS) {
            if (!map.containsKey(level)) {
                throw new InvalidInputException(path + "." + level + ": missing");
            }
        }
        return map;
    }

    private static <V> Map<ResidentGroup, V> groupMap(JsonNode node, String path, boolean complete,
            BiFunction<JsonNode, String, V> value) {
        Map<ResidentGroup, V> map = enumMap(node, path, ResidentGroup.groups(), value);
        for (ResidentGroup group : ResidentGroup.groups()) {
            if (complete && !map.containsKey(group)) {
                throw new InvalidInputException(path + "." + group + ": missing");
            }
        }
        return map;
    }

    private static <K extends Enum<K>, V> Map<K, V> enumMap(JsonNode node, String path, List<K> keys,
            BiFunction<JsonNode, String, V> value) {
        if (!node.isObject()) {
            throw new InvalidInputException(path + ": an object is required");
        }
        Map<K, V> map = new EnumMap<>(keys.get(0).getDeclaringClass());
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            K key = enumValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(field.getKey()),
                    path + "." + field.getKey(), keys);
            map.put(key, value.apply(field.getValue(), path + "." + field.getKey()));
        }
        return map;
    }

    private static <K extends Enum<K>> Set<K> enumSet(JsonNode node, String path, List<K> allowed) {
        JsonFields.array(node, path, MAX_LIST);
        Set<K> set = EnumSet.noneOf(allowed.get(0).getDeclaringClass());
        for (int i = 0; i < node.size(); i++) {
            set.add(enumValue(node.get(i), path + "[" + i + "]", allowed));
        }
        return set;
    }
}
