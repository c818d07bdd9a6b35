package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.msg.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Faults the host simulator injects on a connection. All zero means none.
 *
 * @param delayMillis      delay before each response is written
 * @param dropAfterFrames  close the connection when this many requests were read on it (0: never)
 * @param duplicateAckRate probability that an upload acknowledgement is written twice
 * @param lostAckRate      probability that an upload is processed but its acknowledgement never written
 * @param stallMillis      after the first request, stop reading for this long
 * @param slowReaderMillis after each request, stop reading for this long
 * @param refuseTls        close each new connection before the TLS handshake
 */
public record FaultPlan(long delayMillis, int dropAfterFrames, double duplicateAckRate, double lostAckRate,
                        long stallMillis, long slowReaderMillis, boolean refuseTls) {

    /** No faults. */
    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 0, 0, false);

    public FaultPlan {
        if (delayMillis < 0 || dropAfterFrames < 0 || stallMillis < 0 || slowReaderMillis < 0) {
            throw new IllegalArgumentException("fault values must not be negative");
        }
        if (!(duplicateAckRate >= 0 && duplicateAckRate <= 1 && lostAckRate >= 0 && lostAckRate <= 1)) {
            throw new IllegalArgumentException("rates must be within 0..1");
        }
    }

    /** @return true when no fault is set */
    public boolean none() {
        return equals(NONE);
    }

    /** @return the plan as JSON (the faults file's format) */
    public ObjectNode toJson() {
        return Json.object().put("delay_ms", delayMillis).put("drop_after", dropAfterFrames)
                .put("duplicate_ack_rate", duplicateAckRate).put("lost_ack_rate", lostAckRate)
                .put("stall_ms", stallMillis).put("slow_reader_ms", slowReaderMillis).put("refuse_tls", refuseTls);
    }

    /** Reads the JSON form; absent fields are zero. */
    public static FaultPlan fromJson(JsonNode n) {
        return new FaultPlan(n.path("delay_ms").asLong(0), n.path("drop_after").asInt(0),
                n.path("duplicate_ack_rate").asDouble(0), n.path("lost_ack_rate").asDouble(0),
                n.path("stall_ms").asLong(0), n.path("slow_reader_ms").asLong(0), n.path("refuse_tls").asBoolean(false));
    }

    @Override
    public String toString() {
        return none() ? "none" : CanonicalJson.text(toJson());
    }
}
