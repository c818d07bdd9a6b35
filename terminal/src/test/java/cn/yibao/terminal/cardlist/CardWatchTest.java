package cn.yibao.terminal.cardlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.terminal.counter.host.HostCalls;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardWatchTest {

    @TempDir
    Path dir;

    /** Counts the calls; answers every one as accepted. */
    private static final class CountingHost implements HostCalls {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Response call(Infno infno, ObjectNode input) {
            calls.incrementAndGet();
            return new Response(Response.OK, "m1", "", "", Json.object());
        }

        @Override
        public boolean online() {
            return true;
        }
    }

    @Test
    void aReportKeptWhileTheHostIsAwayGoesWithTheNextDrain() {
        CountingHost host = new CountingHost();
        try (CardWatch watch = CardWatch.open(dir.resolve(CardWatch.FILE), Clock.systemUTC())) {
            watch.report(ListedCardReport.of("A200000000000012", ListStatus.LOST, ListedCardReport.Source.CARD,
                    Instant.parse("2026-11-23T08:00:00Z")));
            assertEquals(1, watch.waitingReports());
            assertEquals(1, watch.drain(host));
            assertEquals(0, watch.waitingReports());
            assertEquals(1, host.calls.get());
        }
    }

    @Test
    void aDrainAfterCloseSendsNothingAndDoesNotThrow() {
        CountingHost host = new CountingHost();
        CardWatch watch = CardWatch.open(dir.resolve(CardWatch.FILE), Clock.systemUTC());
        watch.close();
        assertEquals(0, watch.drain(host));
        assertEquals(0, host.calls.get());
    }
}
