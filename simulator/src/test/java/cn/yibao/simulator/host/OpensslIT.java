package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.tls.CertificateAuthority;
import cn.yibao.terminal.testing.Await;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A TLS peer nobody here wrote: OpenSSL's s_client without a client certificate is refused. */
class OpensslIT extends LoopbackHost {


    @Test
    void sClientWithoutClientCertificateIsRefused() throws Exception {
        long badBefore = host.server().badConnections();
        Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + host.port(), "-tls1_3",
                "-servername", "localhost", "-CAfile",
                dir.resolve("host/pki").resolve(CertificateAuthority.CA_CERT).toString(), "-verify_return_error")
                .redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            byte[] frame = "{\"infno\":\"9001\"}".getBytes(StandardCharsets.UTF_8);
            in.write(new byte[] {0, 0, 0, (byte) frame.length});
            in.write(frame);
            in.flush();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "s_client did not end");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // the JDK's TLS 1.3 server answers a missing certificate with alert 42 (bad_certificate)
        boolean alert = out.contains("alert bad certificate") || out.contains("alert certificate required");
        assertTrue(alert && !out.contains("MALFORMED_FRAME"), out);
        Await.until(Duration.ofSeconds(10), () -> host.server().badConnections() > badBefore,
                () -> "the host counts the refused connection (" + host.server().badConnections() + "); s_client said " + out);
    }
}
