package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;

/** What a terminal downloads from the host: the newest policy pack, and the card list's changes. */
final class Downloads {

    /** Most card-list changes in one 9120 answer. */
    static final int MAX_CARD_CHANGES = 5000;

    private final HostStore store;

    Downloads(HostStore store) {
        this.store = store;
    }

    Response policyPack(Request req) {
        String have = req.input().path("have_version").asText("");
        return store.inTransaction(c -> {
            String latest = Registry.latestPack(c);
            ObjectNode out = Json.object().put("version", latest).put("up_to_date", latest.equals(have));
            if (!latest.isEmpty() && !latest.equals(have)) {
                out.put("pack", Base64.getEncoder().encodeToString(Registry.pack(c, latest)));
            }
            return Response.ok(req, out);
        });
    }

    Response cardList(Request req) {
        long since = req.input().path("since_version").asLong(0);
        return store.inTransaction(c -> {
            var changes = Registry.changesSince(c, since, MAX_CARD_CHANGES);
            ArrayNode entries = Json.object().arrayNode();
            long version = since;
            for (Registry.CardEntry e : changes) {
                entries.addObject().put("card_no", e.cardNo()).put("status", e.status())
                        .put("reported_at", time(e.reportedAt()));
                version = e.version();
            }
            ObjectNode out = Json.object().put("version", version)
                    .put("more", version < Registry.cardListVersion(c));
            out.set("entries", entries);
            return Response.ok(req, out);
        });
    }

    private static String time(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), Request.ZONE).format(Request.TIME);
    }
}
