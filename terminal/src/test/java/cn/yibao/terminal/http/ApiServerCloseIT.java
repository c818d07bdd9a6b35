package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A stopped terminal leaves no client waiting: closing the server closes the connections the
 * browser keeps alive, so the console's next call fails at once (终端服务未响应) instead of waiting
 * on a socket nobody serves. Netty's event-loop shutdown alone left about four connections in ten
 * open, which made the console's status pill stay green after the terminal stopped.
 */
class ApiServerCloseIT {

    private static final String TOKEN = "close-token-0123456789abcdefghijklmnopqrstu";

    @Test
    void closingTheServerEndsEveryKeptAliveConnection() throws Exception {
        List<Integer> leftOpen = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ApiServer server = ApiServer.start(new ApiServer.Settings(0, AccessToken.of(TOKEN),
                    StubCounter.failing(Set.of(), "none"), Clock.systemUTC(), 4096, "220100",
                    new ApiServer.Capacity(64, Duration.ofSeconds(5))));
            int port = server.port();
            try (Socket kept = new Socket()) {
                kept.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                kept.setSoTimeout(2000);
                OutputStream out = kept.getOutputStream();
                InputStream in = kept.getInputStream();
                out.write(status(port));
                out.flush();
                String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                assertTrue(answer.startsWith("HTTP/1.1 "), answer);
                server.close();
                if (!endsAtOnce(out, in, port)) {
                    leftOpen.add(port);
                }
            }
            assertThrows(ConnectException.class, () -> {
                try (Socket late = new Socket()) {
                    late.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                }
            }, "a closed server still accepts on " + port);
        }
        assertEquals(List.of(), leftOpen, "ports whose kept-alive connection outlived the server");
    }

    /** The next request on a kept-alive connection meets the end of the stream or a reset, not silence. */
    private static boolean endsAtOnce(OutputStream out, InputStream in, int port) throws IOException {
        try {
            out.write(status(port));
            out.flush();
            in.readAllBytes(); // the rest of the first answer, then the end of the stream
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the closed socket
        }
    }

    private static byte[] status(int port) {
        return ("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
