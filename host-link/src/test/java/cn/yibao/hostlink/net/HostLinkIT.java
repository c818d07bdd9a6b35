package cn.yibao.hostlink.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.tls.CertificateAuthority;
import cn.yibao.hostlink.tls.HostCredentials;
import cn.yibao.hostlink.tls.TerminalCredentials;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS 1.3 on loopback with the host-link server and client and an echoing handler. */
class HostLinkIT {

    @TempDir
    static Path dir;
    static HostServer server;
    static EventLoopGroup group;
    static HostCredentials host;

    @BeforeAll
    static void start() throws Exception {
        host = HostCredentials.loadOrCreate(dir.resolve("host"), List.of("localhost", "127.0.0.1"));
        for (String t : new String[] {"T1", "T2"}) {
            TerminalCredentials.request(dir.resolve(t), t);
            TerminalCredentials.issue(host.ca(), dir.resolve(t), t);
        }
        server = HostServer.start("127.0.0.1", 0, host.serverContext(),
                (peer, req) -> Response.ok(req, Json.object().put("peer", peer.terminalId())), null, 2,
                Duration.ofSeconds(30));
        group = EventLoops.nio(1);
    }

    @AfterAll
    static void stop() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static Request hello() {
        return Request.of(Infno.HEARTBEAT, "M" + System.nanoTime(), "H1", "001", "", Json.object());
    }

    @Test
    void hostSeesTheTerminalOfTheClientCertificate() throws Exception {
        TerminalCredentials t2 = TerminalCredentials.load(dir.resolve("T2"));
        try (HostConnection c = HostConnection.connect(group, "localhost", server.port(), t2.clientContext(),
                Duration.ofSeconds(20), null).get(10, TimeUnit.SECONDS)) {
            Response r = c.call(hello(), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
            assertEquals("T2", r.output().get("peer").asText());
        }
    }

    @Test
    void certificateFromAnotherCaIsRefused() throws Exception {
        CertificateAuthority rogue = CertificateAuthority.loadOrCreate(dir.resolve("rogue"), "rogue CA");
        Path t = dir.resolve("rogueT1");
        TerminalCredentials.request(t, "T1");
        TerminalCredentials.issue(rogue, t, "T1");
        // the rogue terminal trusts the real host CA, so only the host's check of its certificate can fail
        Files.copy(dir.resolve("host").resolve(CertificateAuthority.CA_CERT), t.resolve(CertificateAuthority.CA_CERT),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        TerminalCredentials creds = TerminalCredentials.load(t);
        ExecutionException e = assertThrows(ExecutionException.class, () -> {
            HostConnection c = HostConnection.connect(group, "localhost", server.port(), creds.clientContext(),
                    Duration.ofSeconds(20), null).get(10, TimeUnit.SECONDS);
            c.call(hello(), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        });
        assertTrue(e.getCause() != null);
    }

    @Test
    void keyFilesAreOwnerOnly() throws Exception {
        for (Path k : List.of(dir.resolve("host/ca.key"), dir.resolve("host/host.key"), dir.resolve("T1/tls.key"),
                dir.resolve("T1/sign.key"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(k)), k.toString());
        }
    }
}
