package cn.yibao.terminal.http;

import cn.yibao.terminal.counter.AdmissionRequest;
import cn.yibao.terminal.counter.CancelRequest;
import cn.yibao.terminal.counter.CatalogQuery;
import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.FeeUpload;
import cn.yibao.terminal.counter.InventoryUpload;
import cn.yibao.terminal.counter.JournalQuery;
import cn.yibao.terminal.counter.Opter;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.RegisterRequest;
import cn.yibao.terminal.counter.StayCancel;
import cn.yibao.terminal.counter.StockChange;
import cn.yibao.terminal.counter.StockCount;
import cn.yibao.terminal.counter.VisitSettle;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Maps each {@code infno} the terminal answers to a {@link CounterApi} call: reads the envelope's
 * {@code input} node into the call's record and wraps the result in the node the national
 * interface puts it in ({@code data}, {@code result}, or the settlement's own nodes).
 */
public final class InfnoRouter {

    /** One transaction: its code, its Chinese title and what it does. */
    record Route(String infno, String title, Handler handler, boolean keyed) {
    }

    /** Runs one transaction on the input node and the message ID. */
    @FunctionalInterface
    interface Handler {
        Object handle(JsonNode input, String msgid, Opter opter) throws JsonProcessingException;
    }

    private final ObjectMapper json = ApiJson.mapper();
    private final Map<String, Route> routes = new LinkedHashMap<>();

    private final CounterApi counter;

    public InfnoRouter(CounterApi counter) {
        this.counter = counter;
        add("1101", "人员信息获取", (in, id, op) -> counter.queryPerson(node(in, "data", PersonQuery.class,
                PersonQuery.cardOnReader())));
        add("1312", "医保目录信息查询", (in, id, op) -> Map.of("data", counter.searchCatalog(
                node(in, "data", CatalogQuery.class, null))));
        add("2101", "药店预结算", (in, id, op) -> counter.preSettlePharmacy(read(in, PharmacySale.class)));
        addKeyed("2102", "药店结算", (in, id, op) -> counter.settlePharmacy(read(in, PharmacySale.class), pin(in), id, op));
        addKeyed("2103", "药店结算撤销", this::cancel);
        add("2201", "门诊挂号", (in, id, op) -> Map.of("data", counter.register(
                node(in, "data", RegisterRequest.class, null))));
        add("2204", "门诊费用明细上传", (in, id, op) -> counter.uploadFees(read(in, FeeUpload.class)));
        add("2206", "门诊预结算", (in, id, op) -> counter.preSettleVisit(node(in, "data", VisitSettle.class, null)));
        addKeyed("2207", "门诊结算", (in, id, op) -> counter.settleVisit(node(in, "data", VisitSettle.class, null), pin(in), id,
                op));
        addKeyed("2208", "门诊结算撤销", this::cancel);
        add("2301", "住院费用明细上传", (in, id, op) -> counter.uploadFees(read(in, FeeUpload.class)));
        add("2303", "住院预结算", (in, id, op) -> counter.preSettleVisit(node(in, "data", VisitSettle.class, null)));
        addKeyed("2304", "住院结算", (in, id, op) -> counter.settleVisit(node(in, "data", VisitSettle.class, null), pin(in), id,
                op));
        addKeyed("2305", "住院结算撤销", this::cancel);
        addKeyed("2401", "入院办理", (in, id, op) -> Map.of("result", counter.admit(
                node(in, "mdtrtinfo", AdmissionRequest.class, null), pin(in), id)));
        add("2402", "出院办理", (in, id, op) -> Map.of("result", counter.discharge(
                node(in, "dscginfo", DischargeRequest.class, null))));
        addKeyed("2404", "入院撤销", (in, id, op) -> Map.of("result", counter.cancelAdmission(
                node(in, "data", StayCancel.class, null), pin(in), id)));
        add("2405", "出院撤销", (in, id, op) -> Map.of("result", counter.cancelDischarge(
                node(in, "data", StayCancel.class, null))));
        add("3201", "对总账结果（本终端）", (in, id, op) -> Map.of("data", counter.reconciliation()));
        addKeyed("3501", "商品盘存上传", (in, id, op) -> counter.uploadStockCounts(inventory(in, StockCount.class), id));
        addKeyed("3502", "商品库存变更", (in, id, op) -> counter.uploadStockChanges(inventory(in, StockChange.class), id));
        add("5203", "结算信息查询（本终端日志）", (in, id, op) -> Map.of("data", counter.searchJournal(
                node(in, "data", JournalQuery.class, new JournalQuery(null, null, null, null, null, null)))));
    }

    private Object cancel(JsonNode in, String msgid, Opter opter) throws JsonProcessingException {
        return counter.cancel(node(in, "data", CancelRequest.class, null), msgid, opter, null);
    }

    /** Reads {@code invinfo}: one line, as nationally, or a list of lines. */
    private <T> InventoryUpload<T> inventory(JsonNode input, Class<T> line) throws JsonProcessingException {
        JsonNode info = input.get("invinfo");
        if (info == null || info.isNull()) {
            throw new ApiException(ApiError.BAD_INPUT, "input.invinfo is required");
        }
        ObjectNode lines = json.createObjectNode();
        lines.set("invinfo", info.isArray() ? info : json.createArrayNode().add(info));
        return json.treeToValue(lines, json.getTypeFactory().constructParametricType(InventoryUpload.class, line));
    }

    private void add(String infno, String title, Handler handler) {
        routes.put(infno, new Route(infno, title, handler, false));
    }

    /** Adds a transaction whose msgid is its idempotency key (it settles, cancels or is forwarded once). */
    private void addKeyed(String infno, String title, Handler handler) {
        routes.put(infno, new Route(infno, title, handler, true));
    }

    /** @return whether {@code infno}'s msgid is its idempotency key (see {@link MsgidLedger}) */
    boolean keyed(String infno) {
        Route route = routes.get(infno);
        return route != null && route.keyed();
    }

    /** @return every infno this router answers, in order */
    public Set<String> infnos() {
        return Collections.unmodifiableSet(routes.keySet());
    }

    /** @return the Chinese title of {@code infno} */
    public String title(String infno) {
        return routes.get(infno).title();
    }

    /**
     * Runs {@code infno}.
     *
     * @throws ApiException UNKNOWN_INFNO, or BAD_INPUT when the input does not make the call's record
     */
    Object dispatch(String infno, JsonNode input, String msgid) {
        return dispatch(infno, input, msgid, Opter.HIS);
    }

    /** Runs {@code infno} made by {@code opter} (recorded with a settlement or a cancellation). */
    Object dispatch(String infno, JsonNode input, String msgid, Opter opter) {
        Route route = routes.get(infno);
        if (route == null) {
            throw new ApiException(ApiError.UNKNOWN_INFNO, "infno " + infno);
        }
        try {
            return route.handler().handle(input == null ? json.createObjectNode() : input, msgid, opter);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.BAD_INPUT, describe(e));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.BAD_INPUT, InputErrors.clean(e.getMessage(), "invalid value"));
        }
    }

    /** @return where in the input and what is wrong, e.g. {@code drugdetail[0].cnt: must be a number} */
    static String describe(JsonProcessingException e) {
        return InputErrors.describe("", e);
    }

    private <T> T read(JsonNode node, Class<T> type) throws JsonProcessingException {
        return json.treeToValue(node, type);
    }

    private <T> T node(JsonNode input, String field, Class<T> type, T fallback) throws JsonProcessingException {
        JsonNode n = input.get(field);
        if (n == null || n.isNull()) {
            if (fallback == null) {
                throw new ApiException(ApiError.BAD_INPUT, "input." + field + " is required");
            }
            return fallback;
        }
        try {
            return read(n, type);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.BAD_INPUT, InputErrors.describe(field, e));
        }
    }

    private static Pin pin(JsonNode input) {
        JsonNode n = input.get("card_pin");
        if (n != null && !n.isNull() && !n.isTextual()) {
            throw new ApiException(ApiError.BAD_INPUT, "card_pin must be a string of 6 digits");
        }
        return n == null || n.isNull() ? null : Pin.ofNullable(n.asText());
    }
}
