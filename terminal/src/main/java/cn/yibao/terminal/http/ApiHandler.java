package cn.yibao.terminal.http;

import cn.yibao.terminal.counter.CounterApi;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.AttributeKey;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each aggregated request off the event loop: in order per connection, within the bound on
 * requests in progress, onto a worker pool (counter calls wait on the card and the disk), where
 * {@link ApiRoutes} finds its answer; then sends the answer ({@link ApiReply}), or the error
 * envelope when the request was refused or failed.
 */
@ChannelHandler.Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final AttributeKey<CompletableFuture<Void>> LAST = AttributeKey.valueOf("yibao.api.last");

    private final Envelopes envelopes;
    private final ApiRoutes routes;
    private final Executor workers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxInFlight;

    ApiHandler(CounterApi counter, Envelopes envelopes, ApiGuard guard, Executor workers, int maxInFlight,
            MsgidBindings bindings, cn.yibao.terminal.operator.OperatorDb operators, java.time.Clock clock) {
        super(false);
        this.envelopes = envelopes;
        this.routes = new ApiRoutes(counter, envelopes, guard, bindings, operators, clock);
        this.workers = workers;
        this.maxInFlight = maxInFlight;
    }

    /**
     * Hands the request to the worker pool, after the previous request of the same connection: a
     * client that pipelines (2102 then 5203) gets its answers in order. Beyond
     * {@code maxInFlight} requests in progress over all connections, a request is refused at once
     * (429, in its turn on its connection) rather than queued without bound.
     */
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        var last = ctx.channel().attr(LAST);
        CompletableFuture<Void> previous = last.get() == null ? CompletableFuture.completedFuture(null) : last.get();
        boolean admitted = inFlight.incrementAndGet() <= maxInFlight;
        if (!admitted) {
            LOG.warn("{} requests in progress: {} {} refused (429)", maxInFlight, request.method(),
                    RequestUrl.loggable(request.uri()));
        }
        Runnable work = admitted ? () -> handle(ctx, request)
                : () -> ApiReply.error(envelopes, new ApiException(ApiError.TOO_MANY_REQUESTS,
                        "at most " + maxInFlight + " requests in progress"), envelopes.now()).send(ctx, request);
        CompletableFuture<Void> next = previous.thenRunAsync(work, admitted ? workers : ctx.executor())
                .whenComplete((ok, failure) -> {
                    inFlight.decrementAndGet();
                    request.release();
                    if (failure != null) {
                        LOG.debug("request not handled: {}", failure.toString());
                        ctx.close();
                    }
                });
        last.set(next.exceptionally(failure -> null));
    }

    /** @return requests accepted and not yet answered */
    int inFlight() {
        return inFlight.get();
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        LocalDateTime received = envelopes.now();
        ApiReply reply;
        try {
            reply = routes.route(request, received);
        } catch (ApiException e) {
            reply = ApiReply.error(envelopes, e, received);
        } catch (RuntimeException e) {
            // the raw path only: a query string may hold a login ticket; and the failure's kind and
            // where it happened, never its message (it may repeat a header, a body or a PIN)
            LOG.error("request {} {} failed: {}", request.method(), RequestUrl.loggable(request.uri()), trace(e));
            reply = ApiReply.error(envelopes, new ApiException(ApiError.INTERNAL, null), received);
        }
        reply.send(ctx, request);
    }

    /** @return the classes and the stack frames of {@code e} and its causes, without their messages */
    static String trace(Throwable e) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 5; t = t.getCause() == t ? null : t.getCause(), depth++) {
            out.append(depth == 0 ? "" : "\n caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                out.append("\n\tat ").append(frames[i]);
            }
        }
        return out.toString();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // idle timeouts, resets by the peer: nothing to answer, just drop the connection
        LOG.debug("closing connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
