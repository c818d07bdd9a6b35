package cn.yibao.simulator.reader;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code simulator card insert} and {@code remove} reach a running {@code simulator card start}:
 * a Unix-domain socket in the simulator's (owner-only) data directory. One request line per
 * connection ({@code insert <persona> [fresh]}, {@code remove}, {@code status}), one answer line
 * ({@code ok …} or {@code error …}); lines are bounded to {@value #MAX_LINE} bytes.
 */
public final class ReaderControl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderControl.class);

    /** The socket's file name in the data directory. */
    public static final String SOCKET_NAME = "card-reader.sock";
    static final int MAX_LINE = 256;

    private final Path path;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private ReaderControl(Path path, ServerSocketChannel server, UnaryOperator<String> handler) {
        this.path = path;
        this.server = server;
        this.acceptor = new Thread(() -> serve(handler), "reader-control");
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code dataDir/card-reader.sock}, answering each request line with
     * {@code handler}'s answer line.
     *
     * @throws IllegalStateException if another simulator already listens there
     */
    public static ReaderControl listen(Path dataDir, UnaryOperator<String> handler) throws IOException {
        Path path = dataDir.resolve(SOCKET_NAME);
        if (Files.exists(path)) {
            try {
                send(dataDir, "status");
                throw new IllegalStateException("a simulator card reader already runs on " + path);
            } catch (IOException stale) {
                Files.delete(path); // left by a simulator that was killed
            }
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        ReaderControl control = new ReaderControl(path, server, handler);
        control.acceptor.start();
        return control;
    }

    /** Sends one request to the running simulator and returns its answer line. */
    public static String send(Path dataDir, String request) throws IOException {
        if (request.length() > MAX_LINE || request.contains("\n")) {
            throw new IllegalArgumentException("request must be one line of at most " + MAX_LINE + " characters");
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(dataDir.resolve(SOCKET_NAME)))) {
            channel.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
            return readLine(channel);
        }
    }

    private void serve(UnaryOperator<String> handler) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String request = readLine(client);
                String answer;
                try {
                    answer = handler.apply(request);
                } catch (RuntimeException e) {
                    LOG.warn("reader control request '{}' failed", request, e);
                    answer = "error " + e.getMessage();
                }
                client.write(ByteBuffer.wrap((answer.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("reader control connection failed: {}", e.toString());
                }
            }
        }
    }

    /** Reads one line of at most {@link #MAX_LINE} bytes; a longer one is cut there. */
    private static String readLine(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_LINE);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer);
            if (n < 0) {
                break;
            }
            if (buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n') {
                break;
            }
        }
        String line = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /** @return the socket's path */
    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot close {}: {}", path, e.getMessage());
        }
    }
}
