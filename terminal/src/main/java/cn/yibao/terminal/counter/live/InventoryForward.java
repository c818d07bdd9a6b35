package cn.yibao.terminal.counter.live;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.InventoryReceipt;
import cn.yibao.terminal.counter.InventoryUpload;
import cn.yibao.terminal.counter.StockChange;
import cn.yibao.terminal.counter.StockCount;
import cn.yibao.terminal.counter.host.HostCalls;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the pharmacy's inventory messages (3501 stock counts, 3502 stock changes) from the HIS
 * to the host at once, over the signed-in host session. Nothing is kept here: while the host is
 * unreachable the HIS is told so and retries. The HIS's {@code msgid} travels with the message (a
 * msgid the host link cannot carry is replaced by a digest of it), so a retry after a lost answer
 * is stored once by the host.
 */
final class InventoryForward {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryForward.class);
    private static final Pattern LINK_MSGID = Pattern.compile("[0-9A-Za-z-]{1,40}");

    private final HostCalls host;

    InventoryForward(HostCalls host) {
        this.host = host;
    }

    /** 3501. */
    InventoryReceipt counts(InventoryUpload<StockCount> upload, String msgid) {
        ArrayNode lines = Json.object().arrayNode();
        for (StockCount c : upload.invinfo()) {
            lines.addObject().put("med_list_codg", c.medListCodg()).put("fixmedins_hilist_id", c.fixmedinsHilistId())
                    .put("invdate", c.invdate().toString()).put("inv_cnt", c.invCnt());
        }
        return send(Infno.STOCK_TAKE, lines, msgid);
    }

    /** 3502. */
    InventoryReceipt changes(InventoryUpload<StockChange> upload, String msgid) {
        ArrayNode lines = Json.object().arrayNode();
        for (StockChange c : upload.invinfo()) {
            lines.addObject().put("med_list_codg", c.medListCodg()).put("fixmedins_hilist_id", c.fixmedinsHilistId())
                    .put("fixmedins_hilist_name", c.fixmedinsHilistName()).put("chrgitm_lv", c.chrgitmLv().code())
                    .put("inv_chg_type", c.invChgType()).put("inv_chg_time", c.invChgTime().format(Request.TIME))
                    .put("cnt", c.cnt()).put("pric", c.pric().toYuanString());
        }
        return send(Infno.STOCK_CHANGE, lines, msgid);
    }

    private InventoryReceipt send(Infno infno, ArrayNode lines, String msgid) {
        ObjectNode input = Json.object();
        input.set("invinfo", lines);
        String linkMsgid = linkMsgid(msgid);
        Response answer;
        try {
            answer = host.call(infno, linkMsgid, input);
        } catch (HostUnavailableException e) {
            LOG.info("{} msgid {} not forwarded: {}", infno.code(), linkMsgid, e.getMessage());
            throw new CounterRefusedException(CounterRefusal.HOST_UNAVAILABLE_FOR_INVENTORY);
        }
        if (!answer.ok()) {
            LOG.warn("{} msgid {} refused by the host: {} {}", infno.code(), linkMsgid, answer.code(),
                    answer.output().path("reason").asText(""));
            throw new CounterRefusedException(CounterRefusal.INVENTORY_REFUSED);
        }
        int stored = answer.output().path("stored").asInt(-1);
        LOG.info("{} msgid {}: {} lines, {} stored", infno.code(), linkMsgid, lines.size(), stored);
        return new InventoryReceipt(answer.output().path("lines").asInt(), stored);
    }

    /** @return {@code msgid} if the host link can carry it, else {@code X} and 32 hex digits of its SHA-256 */
    static String linkMsgid(String msgid) {
        if (LINK_MSGID.matcher(msgid).matches()) {
            return msgid;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(msgid.getBytes(StandardCharsets.UTF_8));
            return "X" + HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
