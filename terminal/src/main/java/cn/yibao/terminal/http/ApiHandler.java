package cn.yibao.terminal.http;

import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.TenderRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
    private final MsgidLedger ledger;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxInFlight;

    ApiHandler(CounterApi counter, Envelopes envelopes, ApiGuard guard, Executor workers, int maxInFlight,
            MsgidBindings bindings) {
        super(false);
        this.ledger = new MsgidLedger(bindings);
        this.workers = workers;
        this.maxInFlight = maxInFlight;
        this.counter = counter;
        this.router = new InfnoRouter(counter);
        this.envelopes = envelopes;
        this.guard = guard;
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
                    new QueryStringDecoder(request.uri()).path());
        }
        Runnable work = admitted ? () -> handle(ctx, request)
                : () -> send(ctx, request, error(new ApiException(ApiError.TOO_MANY_REQUESTS,
                        "at most " + maxInFlight + " requests in progress"), envelopes.now()));
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
            return login(request, received);
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
            requirePost(request);
            TenderRequest input = tenderInput(body(request));
            return refusable(() -> counter.tender(input), received);
        }
        if (path.equals("/api/host/failback")) {
            requirePost(request);
            requireObject(body(request));
            boolean moving = counter.hostFailBack();
            LOG.info("host fail-back asked: {}", moving ? "moving to the preferred address" : "nothing to do");
            return Reply.json(HttpResponseStatus.OK, envelopes.success(Map.of("failed_back", moving), received));
        }
        if (path.equals("/api/reprint")) {
            requirePost(request);
            requireObject(body(request));
            return refusable(() -> Map.of("printer", counter.reprintReceipt()), received);
        }
        var m = INFNO.matcher(path);
        if (m.matches()) {
            return transaction(request, m.group(1), received);
        }
        throw new ApiException(ApiError.NOT_FOUND, path);
    }

    private Reply transaction(FullHttpRequest request, String infno, LocalDateTime received) {
        requirePost(request);
        if (!router.infnos().contains(infno)) {
            throw new ApiException(ApiError.UNKNOWN_INFNO, "infno " + infno);
        }
        Envelopes.Request env = envelopes.parse(infno, body(request));
        if (!router.keyed(infno)) {
            return dispatch(env, received).reply();
        }
        try {
            return ledger.run(env.msgid(), infno, env.input(), () -> dispatch(env, received), Answer::settled).reply();
        } catch (ApiException e) {
            if (e.error() == ApiError.MSGID_CONFLICT) {
                LOG.warn("infno {} msgid {}: refused, the msgid was answered for a different request", infno, env.msgid());
            }
            throw e;
        }
    }

    /** A transaction's reply and whether it succeeded. */
    private record Answer(Reply reply, boolean settled) {
    }

    private Answer dispatch(Envelopes.Request env, LocalDateTime received) {
        try {
            Object output = router.dispatch(env.infno(), env.input(), env.msgid());
            LOG.info("infno {} msgid {}: ok", env.infno(), env.msgid());
            return new Answer(Reply.json(HttpResponseStatus.OK, envelopes.success(output, received)), true);
        } catch (CounterRefusedException e) {
            LOG.info("infno {} msgid {}: refused {} ({})", env.infno(), env.msgid(), e.refusal().code(),
                    e.refusal().message());
            return new Answer(Reply.json(HttpResponseStatus.OK, envelopes.failure(-1, e.refusal(), null, received)), false);
        }
    }

    /** A POST of the API: authenticated, JSON, from this machine's pages or a client. */
    private void requirePost(FullHttpRequest request) {
        requireMethod(request, HttpMethod.POST);
        guard.authenticate(request);
        guard.checkPost(request);
    }

    private static byte[] body(FullHttpRequest request) {
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        return body;
    }

    /** The body of a POST that takes no input: a JSON object ({@code {}}), as the document says. */
    private static void requireObject(byte[] body) {
        JsonNode root;
        try {
            root = ApiJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.BAD_JSON, InputErrors.notJson(e));
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_JSON, InputErrors.clean(e.getMessage(), "the body cannot be read"));
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(ApiError.BAD_JSON, "the body must be a JSON object, e.g. {}");
        }
    }

    /** The input of {@code POST /api/tender}: {@code {"paid": yuan}}. */
    private static TenderRequest tenderInput(byte[] body) {
        TenderRequest input;
        try {
            input = ApiJson.mapper().readValue(body, TenderRequest.class);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.BAD_INPUT, InfnoRouter.describe(e));
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_INPUT, InputErrors.clean(e.getMessage(), "the body cannot be read"));
        }
        if (input == null || input.paid() == null) {
            throw new ApiException(ApiError.BAD_INPUT, "paid is required");
        }
        return input;
    }

    /** The counter's answer to {@code work}, or its refusal ({@code infcode} -1), both HTTP 200. */
    private Reply refusable(Supplier<Object> work, LocalDateTime received) {
        try {
            return Reply.json(HttpResponseStatus.OK, envelopes.success(work.get(), received));
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

    /**
     * The console's login: {@code GET ?ticket=} (the single-use link {@code serve} and
     * {@code api-token} print) redirects to the console with the session cookie; {@code POST}
     * {@code {"token": …}} (the console's prompt) answers the cookie in a JSON envelope. The token
     * itself in a URL is refused: it would stay in the browser's history and in logs.
     */
    private Reply login(FullHttpRequest request, LocalDateTime received) {
        Map<String, java.util.List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        if (request.method().equals(HttpMethod.POST)) {
            guard.checkPost(request);
            String session = guard.login(loginToken(body(request)));
            return new Reply(HttpResponseStatus.OK, "application/json; charset=utf-8",
                    envelopes.success(Map.of("session", "opened"), received),
                    Map.of(HttpHeaderNames.SET_COOKIE.toString(), guard.cookie(session)));
        }
        requireMethod(request, HttpMethod.GET);
        if (query.containsKey("token")) {
            throw new ApiException(ApiError.TOKEN_IN_URL, "use the login link printed by terminal serve or api-token");
        }
        var ticket = query.get("ticket");
        String session = guard.loginWithTicket(ticket == null || ticket.isEmpty() ? null : ticket.get(0));
        return redirect("/console/", Map.of(HttpHeaderNames.SET_COOKIE.toString(), guard.cookie(session)));
    }

    private static String loginToken(byte[] body) {
        try {
            com.fasterxml.jackson.databind.JsonNode token = ApiJson.mapper().readTree(body).path("token");
            return token.isTextual() ? token.asText() : null;
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_JSON, "expected {\"token\": \"…\"}");
        }
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
