package cn.yibao.terminal.http;

import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.TenderRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one aggregated request: {@code POST /api/{infno}}, {@code GET /api/status},
 * {@code POST /api/tender}, {@code POST /api/reprint}, the console's
 * files and its login. The work runs on a worker pool, never on the event loop, because counter
 * calls wait on the card and the disk.
 */
@ChannelHandler.Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final AttributeKey<CompletableFuture<Void>> LAST = AttributeKey.valueOf("yibao.api.last");
    private static final Pattern INFNO = Pattern.compile("/api/([0-9A-Za-z]{1,8})");

    /** What to send back. */
    record Reply(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {
        Reply {
            body = body.clone();
            headers = Map.copyOf(headers);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        static Reply json(HttpResponseStatus status, byte[] body) {
            return new Reply(status, "application/json; charset=utf-8", body, Map.of());
        }
    }

    private final CounterApi counter;
    private final InfnoRouter router;
    private final Envelopes envelopes;
    private final ApiGuard guard;
    private final ConsoleFiles files = new ConsoleFiles();
    private final Executor workers;

    ApiHandler(CounterApi counter, Envelopes envelopes, ApiGuard guard, Executor workers) {
        super(false);
        this.workers = workers;
        this.counter = counter;
        this.router = new InfnoRouter(counter);
        this.envelopes = envelopes;
        this.guard = guard;
    }

    /**
     * Hands the request to the worker pool, after the previous request of the same connection: a
     * client that pipelines (2102 then 5203) gets its answers in order.
     */
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        var last = ctx.channel().attr(LAST);
        CompletableFuture<Void> previous = last.get() == null ? CompletableFuture.completedFuture(null) : last.get();
        CompletableFuture<Void> next = previous.thenRunAsync(() -> handle(ctx, request), workers)
                .whenComplete((ok, failure) -> {
                    request.release();
                    if (failure != null) {
                        LOG.debug("request not handled: {}", failure.toString());
                        ctx.close();
                    }
                });
        last.set(next.exceptionally(failure -> null));
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        LocalDateTime received = envelopes.now();
        Reply reply;
        try {
            reply = route(request, received);
        } catch (ApiException e) {
            reply = error(e, received);
        } catch (RuntimeException e) {
            // the path only: a query string may hold the token (console login)
            LOG.error("request {} {} failed", request.method(), new QueryStringDecoder(request.uri()).path(), e);
            reply = error(new ApiException(ApiError.INTERNAL, null), received);
        }
        send(ctx, request, reply);
    }

    /** @return the JSON error reply for {@code e}, with its HTTP status */
    Reply error(ApiException e, LocalDateTime received) {
        ApiError err = e.error();
        return Reply.json(HttpResponseStatus.valueOf(err.httpStatus()),
                envelopes.failure(err.infcode(), err, e.detail(), received));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // idle timeouts, resets by the peer: nothing to answer, just drop the connection
        LOG.debug("closing connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private Reply route(FullHttpRequest request, LocalDateTime received) {
        if (request.decoderResult().isFailure()) {
            throw new ApiException(ApiError.BAD_INPUT, "malformed HTTP request (headers over 8 KiB?)");
        }
        guard.checkHost(request);
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals("/") || path.equals("/console")) {
            return redirect("/console/", Map.of());
        }
        if (path.equals("/console/login")) {
            return login(request);
        }
        if (path.startsWith("/console/")) {
            requireMethod(request, HttpMethod.GET);
            ConsoleFiles.File file = files.get(path.substring("/console/".length()));
            if (file == null) {
                throw new ApiException(ApiError.NOT_FOUND, path);
            }
            return new Reply(HttpResponseStatus.OK, file.contentType(), file.body(), ApiGuard.PAGE_HEADERS);
        }
        if (path.equals("/api/status")) {
            requireMethod(request, HttpMethod.GET);
            guard.authenticate(request);
            return Reply.json(HttpResponseStatus.OK, envelopes.success(status(), received));
        }
        if (path.equals("/api/tender")) {
            requireMethod(request, HttpMethod.POST);
            guard.authenticate(request);
            guard.checkPost(request);
            return tender(request, received);
        }
        if (path.equals("/api/reprint")) {
            requireMethod(request, HttpMethod.POST);
            guard.authenticate(request);
            guard.checkPost(request);
            return reprint(received);
        }
        var m = INFNO.matcher(path);
        if (m.matches()) {
            return transaction(request, m.group(1), received);
        }
        throw new ApiException(ApiError.NOT_FOUND, path);
    }

    private Reply transaction(FullHttpRequest request, String infno, LocalDateTime received) {
        requireMethod(request, HttpMethod.POST);
        guard.authenticate(request);
        guard.checkPost(request);
        if (!router.infnos().contains(infno)) {
            throw new ApiException(ApiError.UNKNOWN_INFNO, "infno " + infno);
        }
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        Envelopes.Request env = envelopes.parse(infno, body);
        try {
            Object output = router.dispatch(infno, env.input(), env.msgid());
            LOG.info("infno {} msgid {}: ok", infno, env.msgid());
            return Reply.json(HttpResponseStatus.OK, envelopes.success(output, received));
        } catch (CounterRefusedException e) {
            LOG.info("infno {} msgid {}: refused {} ({})", infno, env.msgid(), e.refusal().code(), e.refusal().message());
            return Reply.json(HttpResponseStatus.OK, envelopes.failure(-1, e.refusal(), null, received));
        }
    }

    /** The change for the cash handed over ({@code {"paid": yuan}}), or NOTHING_TO_TENDER / CASH_SHORT. */
    private Reply tender(FullHttpRequest request, LocalDateTime received) {
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        TenderRequest input;
        try {
            input = ApiJson.mapper().readValue(body, TenderRequest.class);
        } catch (IOException e) {
            Throwable root = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new ApiException(ApiError.BAD_INPUT, "tender: " + root.getMessage());
        }
        if (input == null || input.paid() == null) {
            throw new ApiException(ApiError.BAD_INPUT, "tender: paid is required");
        }
        try {
            return Reply.json(HttpResponseStatus.OK, envelopes.success(counter.tender(input), received));
        } catch (CounterRefusedException e) {
            return Reply.json(HttpResponseStatus.OK, envelopes.failure(-1, e.refusal(), null, received));
        }
    }

    /** Reprints the kept receipts, or the last one; the printer's state, or NO_PRINTER. */
    private Reply reprint(LocalDateTime received) {
        try {
            return Reply.json(HttpResponseStatus.OK, envelopes.success(Map.of("printer", counter.reprintReceipt()),
                    received));
        } catch (CounterRefusedException e) {
            return Reply.json(HttpResponseStatus.OK, envelopes.failure(-1, e.refusal(), null, received));
        }
    }

    private Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sync", counter.syncStatus());
        out.put("today", counter.todayTotals());
        out.put("reconciliation", counter.reconciliation());
        out.put("printer", counter.printerStatus());
        out.put("infnos", router.infnos());
        return out;
    }

    private Reply login(FullHttpRequest request) {
        requireMethod(request, HttpMethod.GET);
        var token = new QueryStringDecoder(request.uri()).parameters().get("token");
        String session = guard.login(token == null || token.isEmpty() ? null : token.get(0));
        return redirect("/console/", Map.of(HttpHeaderNames.SET_COOKIE.toString(), guard.cookie(session)));
    }

    private static Reply redirect(String location, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(HttpHeaderNames.LOCATION.toString(), location);
        return new Reply(HttpResponseStatus.SEE_OTHER, "text/plain; charset=utf-8", new byte[0], all);
    }

    private static void requireMethod(FullHttpRequest request, HttpMethod method) {
        if (!request.method().equals(method)) {
            throw new ApiException(ApiError.METHOD_NOT_ALLOWED, "use " + method);
        }
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, Reply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status(),
                Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        response.headers().set("X-Content-Type-Options", "nosniff");
        reply.headers().forEach((k, v) -> response.headers().set(k, v));
        HttpUtil.setContentLength(response, response.content().readableBytes());
        // after a malformed request the decoder ignores the connection's remaining bytes: close it
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
