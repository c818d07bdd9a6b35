package cn.yibao.simulator.counter;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.terminal.counter.host.HostCalls;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * An in-process host for the counter's card-list calls: serves 9120 from a list of changes (two per
 * answer, so that a download takes several answers) and records the 9121 reports; it can be made
 * unreachable.
 */
final class FakeCardHost implements HostCalls {

    private final List<String[]> changes = new ArrayList<>();
    private final List<ObjectNode> reports = new ArrayList<>();
    private final List<Long> asked = new ArrayList<>();
    private volatile boolean reachable = true;

    synchronized void list(String cardNo, String status) {
        changes.add(new String[] {cardNo, status});
    }

    void reachable(boolean on) {
        reachable = on;
    }

    synchronized List<ObjectNode> reports() {
        return List.copyOf(reports);
    }

    /** @return the since_version of each 9120 asked so far */
    synchronized List<Long> asked() {
        return List.copyOf(asked);
    }

    @Override
    public synchronized Response call(Infno infno, ObjectNode input) throws HostUnavailableException {
        if (!reachable) {
            throw new HostUnavailableException("host down (test)");
        }
        Request req = new Request(infno.code(), "M" + System.nanoTime(), "V1.0", "1", "OP1", "2026-11-23 10:00:00",
                "H1", "S1", input);
        return switch (infno) {
            case CARD_LIST -> {
                long since = input.path("since_version").asLong();
                asked.add(since);
                long to = Math.min(changes.size(), since + 2);
                ArrayNode entries = Json.object().arrayNode();
                for (long v = since; v < to; v++) {
                    String[] c = changes.get((int) v);
                    entries.addObject().put("card_no", c[0]).put("status", c[1]).put("reported_at", "2026-11-23 09:00:00");
                }
                ObjectNode out = Json.object().put("version", to).put("more", to < changes.size());
                out.set("entries", entries);
                yield Response.ok(req, out);
            }
            case CARD_REPORT -> {
                reports.add(input.deepCopy());
                yield Response.ok(req, Json.object().put("recorded", true));
            }
            default -> Response.refused(req, LinkRefusal.UNKNOWN_INFNO, Json.object());
        };
    }

    @Override
    public boolean online() {
        return reachable;
    }

    /** Polls {@code condition} until it holds or 10 seconds pass. */
    static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        return condition.getAsBoolean();
    }
}
