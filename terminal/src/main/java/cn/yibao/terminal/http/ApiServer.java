package cn.yibao.terminal.http;

import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.operator.OperatorDb;
import cn.yibao.terminal.operator.Operators;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's local HTTP server (Netty): the HIS API and the cashier console, bound to
 * 127.0.0.1 only, with request bodies bounded ({@link Settings#maxBodyBytes()}, 413 with a JSON
 * error beyond), the requests in progress bounded and each request given a deadline to arrive
 * ({@link Capacity}; see {@link RequestLimits}).
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** The default bound on a request body: 1 MiB. */
    public static final int DEFAULT_MAX_BODY = 1 << 20;
    /** The default port. */
    public static final int DEFAULT_PORT = 8620;

    /**
     * How to run.
     *
     * @param port         TCP port on 127.0.0.1; 0 picks a free one
     * @param token        the access token
     * @param counter      what the API and the console drive
     * @param clock        for envelope times and sessions
     * @param maxBodyBytes largest request body accepted
     * @param admdvs       the division code at the head of {@code inf_refmsgid}
     * @param limits       the bounds on requests in progress and on a request's arrival
     */
    public record Settings(int port, AccessToken token, CounterApi counter, Clock clock, int maxBodyBytes,
            String admdvs, Capacity limits) {
        public Settings {
            if (port < 0 || port > 65535 || maxBodyBytes < 1024 || token == null || counter == null || clock == null
                    || admdvs == null || !admdvs.matches("\\d{6}") || limits == null) {
                throw new IllegalArgumentException("invalid API server settings");
            }
        }

        /** Settings with the default {@link Capacity}. */
        public Settings(int port, AccessToken token, CounterApi counter, Clock clock, int maxBodyBytes, String admdvs) {
            this(port, token, counter, clock, maxBodyBytes, admdvs, Capacity.DEFAULT);
        }

        /** @return the defaults for everything but port, token and counter */
        public static Settings of(int port, AccessToken token, CounterApi counter) {
            return new Settings(port, token, counter, BusinessZone.clock(), DEFAULT_MAX_BODY, "220100");
        }
    }

    /**
     * Bounds against a flood and a slow client.
     *
     * @param maxInFlight  requests accepted and not yet answered, over all connections; more are
     *                     refused at once with 429 {@code TOO_MANY_REQUESTS}
     * @param bodyDeadline how long a request may take to arrive, first byte of its request line to
     *                     last byte of its body (408 after it)
     */
    public record Capacity(int maxInFlight, Duration bodyDeadline) {
        /** 64 requests in progress, 30 seconds to send one. */
        public static final Capacity DEFAULT = new Capacity(64, Duration.ofSeconds(30));

        public Capacity {
            if (maxInFlight < 1 || bodyDeadline == null || bodyDeadline.isNegative() || bodyDeadline.isZero()) {
                throw new IllegalArgumentException("invalid API server limits");
            }
        }
    }

    private final EventLoopGroup loops;
    private final ExecutorService workers;
    private final Channel channel;
    private final ChannelGroup connections;
    private final int port;
    private final ApiHandler handler;
    private final MsgidBindings bindings;
    private final OperatorDb operatorDb;
    private final Operators operators;

    private ApiServer(EventLoopGroup loops, ExecutorService workers, Channel channel, ChannelGroup connections,
            ApiHandler handler, MsgidBindings bindings, OperatorDb operatorDb, Clock clock) {
        this.connections = connections;
        this.handler = handler;
        this.bindings = bindings;
        this.operatorDb = operatorDb;
        this.operators = new Operators(operatorDb, clock);
        this.loops = loops;
        this.workers = workers;
        this.channel = channel;
        this.port = ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * Binds and starts serving, the msgids, operators and console sessions kept in memory (add
     * operators with {@link #operators()}); the returned server must be closed.
     */
    public static ApiServer start(Settings settings) throws InterruptedException {
        return start(settings, MsgidBindings.inMemory(MsgidLedger.CAPACITY), OperatorDb.inMemory());
    }

    /**
     * Binds and starts serving, each answered msgid's request remembered in {@code dataDir} (file
     * {@value MsgidBindings#FILE}, owner-only) across restarts, and the operators with their console
     * sessions in {@value OperatorDb#FILE} there; the returned server must be closed.
     */
    public static ApiServer start(Settings settings, Path dataDir) throws InterruptedException, IOException {
        MsgidBindings bindings = MsgidBindings.file(dataDir.resolve(MsgidBindings.FILE), settings.clock());
        OperatorDb operators = null;
        try {
            operators = OperatorDb.open(dataDir);
            return start(settings, bindings, operators);
        } catch (InterruptedException | RuntimeException e) {
            bindings.close();
            if (operators != null) {
                operators.close();
            }
            throw e;
        }
    }

    private static ApiServer start(Settings settings, MsgidBindings bindings, OperatorDb operators)
            throws InterruptedException {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "api-worker");
            t.setDaemon(true);
            return t;
        });
        Envelopes envelopes = new Envelopes(settings.clock(), settings.admdvs());
        ApiGuard guard = new ApiGuard(settings.token(), new ConsoleSessions(settings.clock(), operators),
                settings.clock());
        ApiHandler handler = new ApiHandler(settings.counter(), envelopes, guard, workers, settings.limits().maxInFlight(),
                bindings, operators, settings.clock());
        ChannelGroup connections = new DefaultChannelGroup("api-connections", GlobalEventExecutor.INSTANCE);
        try {
            Channel ch = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            connections.add(c);
                            var deadline = new RequestLimits.Deadline(settings.limits().bodyDeadline(), envelopes);
                            c.pipeline().addLast(new ReadTimeoutHandler(120, TimeUnit.SECONDS))
                                    .addLast(deadline.firstBytes())
                                    .addLast(new HttpServerCodec(4096, 8192, 8192))
                                    .addLast(deadline)
                                    .addLast(new RequestLimits.BoundedAggregator(settings.maxBodyBytes(), envelopes))
                                    .addLast(handler);
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", settings.port())).sync().channel();
            guard.bound(((InetSocketAddress) ch.localAddress()).getPort());
            ApiServer server = new ApiServer(loops, workers, ch, connections, handler, bindings, operators, settings.clock());
            LOG.info("API and console listening on {}", server.baseUri());
            return server;
        } catch (InterruptedException | RuntimeException e) {
            workers.shutdownNow();
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** @return the counter's operators, as the console's login checks them */
    public Operators operators() {
        return operators;
    }

    /** @return requests accepted and not yet answered (for tests and monitoring) */
    public int inFlight() {
        return handler.inFlight();
    }

    public int port() {
        return port;
    }

    /** @return {@code http://127.0.0.1:<port>/} */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Blocks until the server channel closes (for the serve command). */
    public void awaitClose() throws InterruptedException {
        channel.closeFuture().sync();
    }

    /**
     * Stops listening and closes every open connection itself (an event loop's shutdown does not
     * always: a browser's keep-alive connection was left open, and its next request waited on a socket
     * nobody served), then stops the threads.
     */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        workers.shutdown();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bindings.close();
        operatorDb.close();
    }
}
