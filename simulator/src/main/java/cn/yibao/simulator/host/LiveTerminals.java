package cn.yibao.simulator.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The terminals with a live connection to this instance (a terminal may hold more than one): those
 * whose uploads could still join a group being collected ({@link GroupCommit}).
 */
final class LiveTerminals {

    private final Map<String, Integer> connections = new ConcurrentHashMap<>();

    /** A connection of {@code terminal} was authenticated. */
    void connected(String terminal) {
        connections.merge(terminal, 1, Integer::sum);
    }

    /** A connection of {@code terminal} closed. */
    void disconnected(String terminal) {
        connections.computeIfPresent(terminal, (t, n) -> n > 1 ? n - 1 : null);
    }

    /** @return how many terminals have a live connection */
    int count() {
        return connections.size();
    }
}
