package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Terminals with a live connection, counted once whatever their number of connections. */
class LiveTerminalsTest {

    @Test
    void aTerminalCountsUntilItsLastConnectionCloses() {
        LiveTerminals live = new LiveTerminals();
        live.connected("T1");
        live.connected("T1");
        live.connected("T2");
        assertEquals(2, live.count());
        live.disconnected("T1");
        assertEquals(2, live.count(), "T1 has another connection");
        live.disconnected("T1");
        assertEquals(1, live.count());
        live.disconnected("T3"); // never connected: nothing changes
        live.disconnected("T2");
        assertEquals(0, live.count());
    }
}
