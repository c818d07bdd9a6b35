package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.net.HostServer;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.hostlink.saf.StoreAndForward;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostAddresses;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.testing.Await;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Terminal fail-over over real mutual TLS: one host simulator (one store) listening on two ports,
 * as two host instances sharing one database; the terminal's host link lists both, the first
 * preferred. It moves to the second when the first stops answering, keeps uploading there (each
 * record acknowledged and held exactly once), answers live calls there, stays there, and goes back
 * to the first on {@link HostLink#failBack}. An upload or a live call timing out moves it too.
 */
class FailoverIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    HostSimulator host;
    final Queue<String> log = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            log.add(e.getFormattedMessage());
        }
    };

    @BeforeEach
    void start() throws Exception {
        host = HostSimulator.open(dir.resolve("host")).withFaults().listen("127.0.0.1", 0);
        capture.start();
        ((Logger) LoggerFactory.getLogger(StoreAndForward.class)).addAppender(capture);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(StoreAndForward.class)).detachAppender(capture);
        host.close();
    }

    private static HostLink link(VirtualTerminal t, int... ports) throws SSLException {
        return link(t, Duration.ofSeconds(5), ports);
    }

    private static HostLink link(VirtualTerminal t, Duration callTimeout, int... ports) throws SSLException {
        List<HostAddress> addresses = java.util.Arrays.stream(ports).mapToObj(p -> new HostAddress("localhost", p))
                .toList();
        return HostLink.start(new HostLink.Settings(new HostAddresses(addresses), t.id(), callTimeout,
                Duration.ofMillis(300), Duration.ofSeconds(10), 10), t.creds.clientContext(), t.journal());
    }

    private static void settle(VirtualTerminal t, HostLink link, int n) {
        for (int i = 0; i < n; i++) {
            t.settle(1000 + i);
        }
        link.wake();
    }

    /** @return how many moves to another address were logged */
    private long moves() {
        return log.stream().filter(m -> m.startsWith("host link: ") && m.contains(" not answering (")
                && m.contains("), moving to ")).count();
    }

    /**
     * @return {records held, highest seq} for {@code terminal}: with the primary key (terminal, seq)
     *     and the unique msgid no record is held twice, so {n, n} says each of its records 1..n is held once
     */
    private long[] held(String terminal) {
        return host.store().inTransaction(c -> {
            try (var st = c.prepareStatement("SELECT count(*), coalesce(max(seq), 0) FROM record WHERE terminal=?")) {
                st.setString(1, terminal);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            }
        });
    }

    @Test
    void movesToTheSecondAddressWhenTheFirstStopsAnsweringAndBackOnFailBack() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "FO-1");
        HostServer first = host.listenAlso("127.0.0.1", 0);
        int firstPort = first.port();
        HostAddress primary = new HostAddress("localhost", firstPort);
        HostAddress secondary = new HostAddress("localhost", host.port());
        try (HostLink link = link(t, firstPort, host.port())) {
            settle(t, link, 20);
            Await.until(WAIT, () -> t.journal().ackedSeq() == 20, () -> "state " + link.state());
            assertEquals(primary, link.address());
            assertEquals(1, first.openConnections(), "uploading over the preferred address");

            first.close();
            settle(t, link, 20);
            Await.until(WAIT, () -> t.journal().ackedSeq() == 40, () -> "state " + link.state());
            assertEquals(secondary, link.address());
            assertTrue(link.call(Infno.CARD_LIST, Json.object().put("since_version", 0)).ok(),
                    "a live call answered over the second address");
            assertTrue(log.stream().anyMatch(m -> m.startsWith("host link: " + primary + " not answering (")
                    && m.endsWith("), moving to " + secondary)), () -> "the move is logged: " + log);

            HostServer back = host.listenAlso("127.0.0.1", firstPort);
            settle(t, link, 5);
            Await.until(WAIT, () -> t.journal().ackedSeq() == 45,
                    () -> "acknowledged 45, got " + t.journal().ackedSeq() + ", state " + link.state());
            assertEquals(secondary, link.address(), "no flapping back while the second address works");
            assertEquals(0, back.openConnections());

            assertTrue(link.failBack());
            Await.until(WAIT, () -> back.openConnections() == 1 && link.online(),
                    () -> "state " + link.state() + " at " + link.address());
            assertEquals(primary, link.address());
            settle(t, link, 5);
            Await.until(WAIT, () -> t.journal().ackedSeq() == 50,
                    () -> "acknowledged 50, got " + t.journal().ackedSeq() + ", state " + link.state());
            assertEquals(1, back.openConnections(), "uploading over the preferred address again");
            assertTrue(link.call(Infno.CARD_LIST, Json.object().put("since_version", 0)).ok());
            assertFalse(link.failBack(), "already on the preferred address");
        }
        assertArrayEquals(new long[] {50, 50}, held(t.id()), "every record held exactly once");
    }

    @Test
    void anUploadOrALiveCallTimingOutMovesTheLinkOnWrappingRound() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "FO-3");
        HostServer first = host.listenAlso("127.0.0.1", 0);
        try (HostLink link = link(t, Duration.ofMillis(800), first.port(), host.port())) {
            settle(t, link, 1);
            Await.until(WAIT, () -> t.journal().ackedSeq() == 1,
                    () -> "acknowledged 1, got " + t.journal().ackedSeq() + ", state " + link.state());

            // the first instance keeps the connection but its acknowledgements never come
            host.faults().setGlobal(new FaultPlan(0, 0, 0, 1.0, 0, 0, false));
            settle(t, link, 1);
            Await.until(WAIT, () -> moves() == 1, () -> "moved on: " + log);
            host.faults().setGlobal(FaultPlan.NONE);
            assertTrue(log.stream().anyMatch(m -> m.contains(" not answering (no response to ")), log::toString);
            Await.until(WAIT, () -> t.journal().ackedSeq() == 2, () -> "state " + link.state());
            assertEquals(host.port(), link.address().port());

            // the second answers a live call too late: the link leaves it for the next address, the first
            host.faults().setGlobal(new FaultPlan(2000, 0, 0, 0, 0, 0, false));
            assertThrows(HostUnavailableException.class, () -> link.call(Infno.CARD_LIST,
                    Json.object().put("since_version", 0)));
            host.faults().setGlobal(FaultPlan.NONE);
            Await.until(WAIT, () -> moves() == 2 && link.online(), () -> "moved on: " + log);
            assertEquals(first.port(), link.address().port());
            assertTrue(link.call(Infno.CARD_LIST, Json.object().put("since_version", 0)).ok());
        }
        assertArrayEquals(new long[] {2, 2}, held(t.id()));
    }

    @Test
    void aFirstAddressDeadFromTheStartCostsOneAttempt() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "FO-2");
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        t.settle(1000);
        try (HostLink link = link(t, dead, host.port())) {
            // promptly: one refused attempt, then the shortest wait
            assertTrue(link.awaitOnline(Duration.ofSeconds(3)),
                    () -> "state " + link.state() + " at " + link.address());
            assertEquals(new HostAddress("localhost", host.port()), link.address());
            assertTrue(link.awaitAcknowledged(1, WAIT));
            assertEquals(1, moves(), () -> "one move: " + log);
            assertTrue(link.failBack(), "asked to go back to the preferred address");
            Await.until(WAIT, () -> moves() == 2 && link.online(),
                    () -> "the preferred address still refuses: back on the second; " + log);
            assertEquals(host.port(), link.address().port());
        }
        assertArrayEquals(new long[] {1, 1}, held(t.id()));
    }
}
