package cn.yibao.terminal.settlement;

import static cn.yibao.terminal.json.JsonFields.amount;
import static cn.yibao.terminal.json.JsonFields.bool;
import static cn.yibao.terminal.json.JsonFields.enumValue;
import static cn.yibao.terminal.json.JsonFields.object;
import static cn.yibao.terminal.json.JsonFields.optional;
import static cn.yibao.terminal.json.JsonFields.required;
import static cn.yibao.terminal.json.JsonFields.text;

import cn.yibao.card.Money;
import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.json.InvalidInputException;
import cn.yibao.terminal.json.JsonFields;
import cn.yibao.terminal.policy.InstitutionLevel;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The settlement request as JSON (the shape of {@code docs/settlement.md}): strict reading with
 * field paths in every error, and a deterministic rendering for signing.
 */
public final class RequestJson {

    private static final Set<String> TOP = Set.of("person", "visit", "year_to_date", "use_account", "items");
    private static final Set<String> PERSON = Set.of("category", "resident_group", "retired", "civil_servant",
            "insurance_status", "account_balance");
    private static final Set<String> VISIT = Set.of("type", "level", "out_of_region");
    private static final Set<String> YTD = Set.of("base", "over_limit", "outpatient");
    private static final Set<String> ITEM = Set.of("code", "name", "class", "amount");
    /** Reads one value from a parser positioned on it, leaving the rest of the document. */
    private static final ObjectReader VALUE = FileJson.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = FileJson.mapper().getNodeFactory();

    private RequestJson() {
    }

    /**
     * Parses and validates a request document of at most {@link Limits#MAX_REQUEST_BYTES}.
     *
     * @throws InvalidInputException naming the offending field
     */
    public static SettlementRequest read(byte[] json) {
        return read(tree(json));
    }

    /**
     * Parses the document into a tree in one streaming pass that stops at the
     * {@value Limits#MAX_ITEMS}th + 1 item, so a huge item list is refused without being built.
     */
    static JsonNode tree(byte[] json) {
        if (json.length > Limits.MAX_REQUEST_BYTES) {
            throw new InvalidInputException("request: larger than " + Limits.MAX_REQUEST_BYTES + " bytes");
        }
        ObjectMapper mapper = FileJson.mapper();
        try (JsonParser p = mapper.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidInputException("request: empty document");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidInputException("(document): an object is required");
            }
            ObjectNode root = NODES.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (root.has(name)) {
                    throw new InvalidInputException(name + ": duplicate field");
                }
                if ("items".equals(name) && value == JsonToken.START_ARRAY) {
                    ArrayNode items = root.putArray(name);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (items.size() == Limits.MAX_ITEMS) {
                            throw new InvalidInputException("items: more than " + Limits.MAX_ITEMS + " elements");
                        }
                        items.add(VALUE.<JsonNode>readValue(p));
                    }
                } else {
                    root.set(name, VALUE.<JsonNode>readValue(p));
                }
            }
            if (p.nextToken() != null) {
                throw new InvalidInputException("request: malformed JSON: trailing data after the document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw FileJson.malformed("request", e);
        } catch (NumberFormatException e) {
            throw FileJson.badNumber("request", e);
        } catch (IOException e) {
            throw new InvalidInputException("request: unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Validates a parsed request document.
     *
     * @throws InvalidInputException naming the offending field
     */
    public static SettlementRequest read(JsonNode root) {
        object(root, "", TOP);
        JsonNode itemsNode = JsonFields.array(required(root, "", "items"), "items", Limits.MAX_ITEMS);
        Person person = person(required(root, "", "person"));
        VisitTerms visit = visit(required(root, "", "visit"));
        JsonNode ytdNode = optional(root, "year_to_date");
        YearToDate ytd = ytdNode == null ? YearToDate.ZERO : yearToDate(ytdNode);
        JsonNode use = optional(root, "use_account");
        boolean useAccount = use == null || bool(use, "use_account");
        List<Item> items = new ArrayList<>(itemsNode.size());
        for (int i = 0; i < itemsNode.size(); i++) {
            items.add(item(itemsNode.get(i), "items[" + i + "]"));
        }
        return build("", () -> new SettlementRequest(person, visit, ytd, useAccount, items));
    }

    private static Person person(JsonNode node) {
        object(node, "person", PERSON);
        PersonCategory category = enumValue(required(node, "person", "category"), "person.category",
                PersonCategory.class);
        JsonNode groupNode = optional(node, "resident_group");
        ResidentGroup group = groupNode == null ? null
                : enumValue(groupNode, "person.resident_group", ResidentGroup.groups());
        boolean retired = bool(required(node, "person", "retired"), "person.retired");
        boolean civilServant = bool(required(node, "person", "civil_servant"), "person.civil_servant");
        InsuranceStatus status = enumValue(required(node, "person", "insurance_status"), "person.insurance_status",
                InsuranceStatus.class);
        Money balance = amount(required(node, "person", "account_balance"), "person.account_balance",
                Limits.MAX_BALANCE);
        return build("person", () -> new Person(category, group, retired, civilServant, status, balance));
    }

    private static VisitTerms visit(JsonNode node) {
        object(node, "visit", VISIT);
        VisitType type = enumValue(required(node, "visit", "type"), "visit.type", VisitType.class);
        InstitutionLevel level = enumValue(required(node, "visit", "level"), "visit.level", InstitutionLevel.class);
        boolean outOfRegion = bool(required(node, "visit", "out_of_region"), "visit.out_of_region");
        return build("visit", () -> new VisitTerms(type, level, outOfRegion));
    }

    private static YearToDate yearToDate(JsonNode node) {
        object(node, "year_to_date", YTD);
        Money base = amount(required(node, "year_to_date", "base"), "year_to_date.base", Limits.MAX_YEAR_TO_DATE);
        Money over = amount(required(node, "year_to_date", "over_limit"), "year_to_date.over_limit",
                Limits.MAX_YEAR_TO_DATE);
        Money outpatient = amount(required(node, "year_to_date", "outpatient"), "year_to_date.outpatient",
                Limits.MAX_YEAR_TO_DATE);
        return new YearToDate(base, over, outpatient);
    }

    private static Item item(JsonNode node, String path) {
        object(node, path, ITEM);
        String code = text(required(node, path, "code"), path + ".code");
        String name = text(required(node, path, "name"), path + ".name");
        ItemClass itemClass = enumValue(required(node, path, "class"), path + ".class", ItemClass.class);
        Money amount = amount(required(node, path, "amount"), path + ".amount", Limits.MAX_ITEM_AMOUNT);
        return build(path, () -> new Item(code, name, itemClass, amount));
    }

    private static <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path.isEmpty() ? e.getMessage() : path + "." + e.getMessage(), e);
        }
    }

    /** @return the request as a JSON tree in the documented shape, amounts as numbers with two decimals */
    public static ObjectNode toJson(SettlementRequest request) {
        ObjectNode root = NODES.objectNode();
        Person p = request.person();
        ObjectNode person = root.putObject("person");
        person.put("category", p.category().name());
        if (p.residentGroup() == null) {
            person.putNull("resident_group");
        } else {
            person.put("resident_group", p.residentGroup().name());
        }
        person.put("retired", p.retired());
        person.put("civil_servant", p.civilServant());
        person.put("insurance_status", p.insuranceStatus().name());
        person.set("account_balance", DecimalNode.valueOf(p.accountBalance().toYuan()));
        ObjectNode visit = root.putObject("visit");
        visit.put("type", request.visit().type().name());
        visit.put("level", request.visit().level().name());
        visit.put("out_of_region", request.visit().outOfRegion());
        root.set("year_to_date", yearToDateJson(request.yearToDate()));
        root.put("use_account", request.useAccount());
        ArrayNode items = root.putArray("items");
        for (Item item : request.items()) {
            ObjectNode row = items.addObject();
            row.put("code", item.code());
            row.put("name", item.name());
            row.put("class", item.itemClass().name());
            row.set("amount", DecimalNode.valueOf(item.amount().toYuan()));
        }
        return root;
    }

    /** @return the canonical bytes of the request (what the host link signs) */
    public static byte[] canonical(SettlementRequest request) {
        return CanonicalJson.bytes(toJson(request));
    }

    static ObjectNode yearToDateJson(YearToDate ytd) {
        ObjectNode node = NODES.objectNode();
        node.set("base", DecimalNode.valueOf(ytd.base().toYuan()));
        node.set("over_limit", DecimalNode.valueOf(ytd.overLimit().toYuan()));
        node.set("outpatient", DecimalNode.valueOf(ytd.outpatient().toYuan()));
        return node;
    }
}
