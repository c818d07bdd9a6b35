package cn.yibao.simulator.counter;

import cn.yibao.card.session.IssuerHost;
import cn.yibao.card.crypto.IssuerKeys;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.RefundLoad;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.terminal.counter.host.HostCalls;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * An in-process host for cancellations (the real one is {@code SettlementDesk}, tested over TLS by
 * {@code VisitApiIT}): it records each setl_id's cancellation once and authorises the refund load
 * with the simulated issuer's keys; a load at the same online counter as the one it authorised
 * (the credit did not happen) is authorised again.
 */
final class RefundHost implements HostCalls {

    volatile boolean reachable = true;
    volatile boolean refuseLoads;
    /** setl_id → the online counter of the load authorised for it. */
    final Map<String, Integer> cancelled = new HashMap<>();
    int calls;

    @Override
    public synchronized Response call(Infno infno, ObjectNode input) throws HostUnavailableException {
        if (!reachable) {
            throw new HostUnavailableException("host down (test)");
        }
        calls++;
        Request req = Request.of(infno, "T" + calls, "H1", "OP1", "S1", input);
        String setlId = input.path("setl_id").asText();
        RefundLoad load = input.has("load") ? RefundLoad.fromJson(input.get("load")) : null;
        Integer seq = cancelled.get(setlId);
        if (seq != null && (load == null || seq != load.load().init().onlineSeq())) {
            return Response.refused(req, LinkRefusal.ALREADY_CANCELLED, Json.object());
        }
        ObjectNode out = Json.object().put("setl_id", setlId);
        if (load != null) {
            if (refuseLoads) {
                return Response.refused(req, LinkRefusal.LOAD_REFUSED, Json.object());
            }
            byte[] mac2 = new IssuerHost(IssuerKeys.test(load.load().init().algorithm())).loadMac2(load.load(), load.time());
            out.put(RefundLoad.MAC2_FIELD, HexFormat.of().formatHex(mac2));
        }
        cancelled.put(setlId, load == null ? -1 : load.load().init().onlineSeq());
        return Response.ok(req, out);
    }

    @Override
    public boolean online() {
        return reachable;
    }
}
