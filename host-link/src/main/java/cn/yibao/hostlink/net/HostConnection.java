package cn.yibao.hostlink.net;

import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The terminal end of one TLS connection: requests are matched to responses by
 * {@code msgid}/{@code inf_refmsgid}; a response nobody waits for (a duplicate) is dropped. When
 * nothing was written for the heartbeat interval a heartbeat request is sent; when nothing was
 * read for three intervals the connection is closed.
 */
public final class HostConnection implements AutoCloseable {

    private final Channel channel;
    private final Map<String, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();

    private HostConnection(Channel channel) {
        this.channel = channel;
    }

    /**
     * Connects and completes the TLS handshake (the host name is verified against the host's certificate).
     *
     * @param heartbeat builds the heartbeat request sent when the connection is idle
     */
    public static CompletableFuture<HostConnection> connect(EventLoopGroup group, String host, int port,
                                                            SslContext ssl, Duration heartbeatEvery,
                                                            Supplier<Request> heartbeat) {
        CompletableFuture<HostConnection> result = new CompletableFuture<>();
        HostConnection[] holder = new HostConnection[1];
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        HostConnection c = new HostConnection(ch);
                        holder[0] = c;
                        SslHandler tls = ssl.newHandler(ch.alloc(), host, port);
                        tls.setHandshakeTimeout(10, TimeUnit.SECONDS);
                        ch.pipeline().addLast("tls", tls);
                        long hb = heartbeatEvery.toMillis();
                        ch.pipeline().addLast("idle", new IdleStateHandler(3 * hb, hb, 0, TimeUnit.MILLISECONDS));
                        Frames.clientSide(ch.pipeline());
                        ch.pipeline().addLast("responses", c.new Responses(heartbeat));
                    }
                });
        ChannelFuture cf = b.connect(host, port);
        cf.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
            }
            cf.channel().pipeline().get(SslHandler.class).handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    result.complete(holder[0]);
                } else {
                    cf.channel().close();
                    result.completeExceptionally(h.cause());
                }
            });
        });
        return result;
    }

    /** Sends {@code request}; the future fails on timeout or when the connection closes first. */
    public CompletableFuture<Response> call(Request request, Duration timeout) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        if (pending.putIfAbsent(request.msgid(), f) != null) {
            f.completeExceptionally(new IllegalStateException("msgid already in flight"));
            return f;
        }
        channel.eventLoop().schedule(() -> {
            if (pending.remove(request.msgid(), f)) {
                f.completeExceptionally(new TimeoutException("no response to " + request.infno() + " in " + timeout));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        channel.writeAndFlush(request).addListener(w -> {
            if (!w.isSuccess() && pending.remove(request.msgid(), f)) {
                f.completeExceptionally(w.cause());
            }
        });
        return f;
    }

    /** @return true while the connection is open */
    public boolean isActive() {
        return channel.isActive();
    }

    /** @return a future completed when the connection closes */
    public CompletableFuture<Void> closed() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        channel.closeFuture().addListener(x -> f.complete(null));
        return f;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }

    private final class Responses extends SimpleChannelInboundHandler<Response> {
        private final Supplier<Request> heartbeat;

        Responses(Supplier<Request> heartbeat) {
            super(Response.class);
            this.heartbeat = heartbeat;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Response r) {
            CompletableFuture<Response> f = pending.remove(r.infRefmsgid());
            if (f != null) {
                f.complete(r);
            } else if ("-".equals(r.infRefmsgid())) {
                ctx.close();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent idle) {
                if (idle.state() == IdleState.WRITER_IDLE && heartbeat != null) {
                    Request hb = heartbeat.get();
                    call(hb, Duration.ofSeconds(30));
                } else if (idle.state() == IdleState.READER_IDLE) {
                    ctx.close();
                }
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            ClosedChannelException closed = new ClosedChannelException();
            pending.values().forEach(f -> f.completeExceptionally(closed));
            pending.clear();
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
