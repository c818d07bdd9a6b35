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
import java.util.ArrayList;
import java.util.List;

/**
 * An in-process host for the counter's card-list calls, for tests and the card-list benchmark:
 * serves 9120 from a list of changes ({@code perAnswer} per answer, as the host simulator does
 * with 5,000) and records the 9121 reports; it can be made unreachable.
 */
public final class InProcessCardHost implements HostCalls {

    private final List<String[]> changes = new ArrayList<>();
    private final List<ObjectNode> reports = new ArrayList<>();
    private final List<Long> asked = new ArrayList<>();
    private final int perAnswer;
    private volatile boolean reachable = true;

    /** @param perAnswer most changes in one 9120 answer */
    public InProcessCardHost(int perAnswer) {
        if (perAnswer < 1) {
            throw new IllegalArgumentException("perAnswer >= 1");
        }
        this.perAnswer = perAnswer;
    }

    /** Appends a change to the list: LOST, BLACKLISTED or CLEARED (not checked: tests send bad ones). */
    public synchronized void list(String cardNo, String status) {
        changes.add(new String[] {cardNo, status});
    }

    public void reachable(boolean on) {
        reachable = on;
    }

    /** @return the 9121 inputs received, oldest first */
    public synchronized List<ObjectNode> reports() {
        return List.copyOf(reports);
    }

    /** @return the since_version of each 9120 asked so far */
    public synchronized List<Long> asked() {
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
                long to = Math.min(changes.size(), since + perAnswer);
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
}
