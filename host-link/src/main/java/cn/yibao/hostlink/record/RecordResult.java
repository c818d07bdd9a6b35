package cn.yibao.hostlink.record;

import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.MalformedMessageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * The signed {@code result} of a record, one shape for every kind:
 * {@code {"kind":"SETTLE","setl_id":…,"mdtrt_id":…,"psn_no":…,"med_type":…,"settlement":{…}}},
 * where {@code settlement} is the settlement engine's canonical result ({@code policy},
 * {@code setlinfo}, {@code setldetail}, {@code year_to_date}) without its explanation lines
 * ({@link #NOT_SIGNED}). The terminal writes it (canonical JSON); the host reads every field it
 * needs through this class only.
 *
 * @param kind       what the record records
 * @param setlId     settlement id (cancellation is by setl_id)
 * @param mdtrtId    visit id
 * @param psnNo      person number
 * @param medType    medical type (41 pharmacy, 11 outpatient, 21 inpatient)
 * @param settlement the engine's canonical result without {@link #NOT_SIGNED} (a copy is kept)
 * @param opter      who settled or cancelled at the counter (national {@code opter}); null in a
 *                   record made before operators were recorded (then absent from the JSON)
 * @param opterName  their name ({@code opter_name}); null when {@code opter} is
 */
public record RecordResult(RecordKind kind, String setlId, String mdtrtId, String psnNo, String medType,
                           JsonNode settlement, String opter, String opterName) {

    /** Longest operator name. */
    public static final int MAX_OPTER_NAME = 50;

    /** A record naming no operator. */
    public RecordResult(RecordKind kind, String setlId, String mdtrtId, String psnNo, String medType,
            JsonNode settlement) {
        this(kind, setlId, mdtrtId, psnNo, medType, settlement, null, null);
    }

    /**
     * Fields of the engine's result a record does not carry: the explanation lines, text derived
     * from the same figures (the host's re-computation produces them again); they would more than
     * double a record's size.
     */
    public static final Set<String> NOT_SIGNED = Set.of("explain");
    /** Longest identifier field. */
    public static final int MAX_ID = 60;

    public RecordResult {
        Objects.requireNonNull(kind, "kind");
        id(setlId, "setl_id");
        id(mdtrtId, "mdtrt_id");
        id(psnNo, "psn_no");
        id(medType, "med_type");
        if (settlement == null || !settlement.isObject() || !settlement.path("setlinfo").isObject()) {
            throw new IllegalArgumentException("settlement must be an object with setlinfo");
        }
        for (String field : NOT_SIGNED) {
            if (settlement.has(field)) {
                throw new IllegalArgumentException("settlement must not carry " + field);
            }
        }
        settlement = settlement.deepCopy();
        if ((opter == null) != (opterName == null)) {
            throw new IllegalArgumentException("opter and opter_name go together");
        }
        if (opter != null) {
            id(opter, "opter");
            if (opterName.isEmpty() || opterName.length() > MAX_OPTER_NAME) {
                throw new IllegalArgumentException("opter_name must be 1–" + MAX_OPTER_NAME + " characters");
            }
        }
    }

    private static void id(String s, String name) {
        if (s == null || s.isEmpty() || s.length() > MAX_ID) {
            throw new IllegalArgumentException(name + " must be 1–" + MAX_ID + " characters");
        }
    }

    /** @return the engine's canonical result {@code engineResult} as a record carries it: without {@link #NOT_SIGNED} */
    public static ObjectNode signedPart(JsonNode engineResult) {
        if (engineResult == null || !engineResult.isObject()) {
            throw new IllegalArgumentException("the engine's result is an object");
        }
        ObjectNode copy = (ObjectNode) engineResult.deepCopy();
        copy.remove(NOT_SIGNED);
        return copy;
    }

    @Override
    public JsonNode settlement() {
        return settlement.deepCopy();
    }

    /** @return the amount {@code field} of {@code settlement.setlinfo} (e.g. {@code acct_pay}) */
    public Money setlinfo(String field) {
        return Json.yuan(settlement.get("setlinfo"), field);
    }

    /** @return the record's result as a JSON tree (the terminal serialises it canonically) */
    public ObjectNode toJson() {
        ObjectNode n = Json.object().put("kind", kind.name()).put("setl_id", setlId).put("mdtrt_id", mdtrtId)
                .put("psn_no", psnNo).put("med_type", medType);
        if (opter != null) {
            n.put("opter", opter).put("opter_name", opterName);
        }
        n.set("settlement", settlement.deepCopy());
        return n;
    }

    /**
     * Reads a record's result.
     *
     * @throws MalformedMessageException if it is not this shape or names a kind this side does not know
     */
    public static RecordResult parse(String json) {
        return of(Json.parse(json));
    }

    /**
     * Reads a record's result already parsed (by any reader that keeps decimals).
     *
     * @throws MalformedMessageException if it is not this shape or names a kind this side does not know
     */
    public static RecordResult of(JsonNode n) {
        try {
            if (!n.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return new RecordResult(RecordKind.valueOf(Json.text(n, "kind", 20)), Json.text(n, "setl_id", MAX_ID),
                    Json.text(n, "mdtrt_id", MAX_ID), Json.text(n, "psn_no", MAX_ID), Json.text(n, "med_type", MAX_ID),
                    n.get("settlement"), n.hasNonNull("opter") ? Json.text(n, "opter", MAX_ID) : null,
                    n.hasNonNull("opter_name") ? Json.text(n, "opter_name", MAX_OPTER_NAME) : null);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("bad record result: " + e.getMessage(), e);
        }
    }
}
