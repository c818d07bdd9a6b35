package cn.yibao.hostlink.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.tls.HostCredentials;
import cn.yibao.hostlink.tls.TerminalCredentials;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the host server ends the connections it holds: a terminal signed in learns at once that
 * the host is gone (and reconnects elsewhere), rather than waiting on a socket nobody serves until
 * its idle timeout. Netty's event-loop shutdown alone left about one connection in twenty open.
 */
class HostServerCloseIT {

    @TempDir
    Path dir;

    @Test
    void closingTheServerClosesEveryConnection() throws Exception {
        HostCredentials host = HostCredentials.loadOrCreate(dir.resolve("host"), List.of("localhost", "127.0.0.1"));
        TerminalCredentials.request(dir.resolve("T1"), "T1");
        TerminalCredentials.issue(host.ca(), dir.resolve("T1"), "T1");
        TerminalCredentials t1 = TerminalCredentials.load(dir.resolve("T1"));
        EventLoopGroup group = EventLoops.nio(1);
        int closedLate = 0;
        try {
            for (int i = 0; i < 60; i++) {
                HostServer server = HostServer.start("127.0.0.1", 0, host.serverContext(),
                        (peer, req) -> Response.ok(req, Json.object()), null, 2, Duration.ofSeconds(60));
                HostConnection c = HostConnection.connect(group, "localhost", server.port(), t1.clientContext(),
                        Duration.ofSeconds(60), null).get(10, TimeUnit.SECONDS);
                c.call(Request.of(Infno.HEARTBEAT, "M" + i, "H1", "001", "", Json.object()), Duration.ofSeconds(10))
                        .get(10, TimeUnit.SECONDS);
                server.close();
                try {
                    c.closed().get(3, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    closedLate++;
                }
                c.close();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        assertEquals(0, closedLate, "connections left open by a closed server");
    }
}
