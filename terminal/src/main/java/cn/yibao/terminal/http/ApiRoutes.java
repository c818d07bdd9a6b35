package cn.yibao.terminal.http;

import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.TenderRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which answer a request gets: {@code POST /api/{infno}} (through the msgid ledger when the
 * transaction is keyed), {@code GET /api/status}, {@code POST /api/tender},
 * {@code POST /api/host/failback}, {@code POST /api/reprint}, the console's files and its login;
 * each after the guard's checks (host, token or session, origin). Runs on a worker thread.
 */
final class ApiRoutes {

    // the API's log lines keep the handler's logger name, as operators know them
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Pattern INFNO = Pattern.compile("/api/([0-9A-Za-z]{1,8})");

    private final CounterApi counter;
    private final InfnoRouter router;
    private final Envelopes envelopes;
    private final ApiGuard guard;
    private final ConsoleFiles files = new ConsoleFiles();
    private final MsgidLedger ledger;

    ApiRoutes(CounterApi counter, Envelopes envelopes, ApiGuard guard, MsgidBindings bindings) {
        this.counter = counter;
        this.router = new InfnoRouter(counter);
        this.envelopes = envelopes;
        this.guard = guard;
        this.ledger = new MsgidLedger(bindings);
    }

    /**
     * @return the answer to {@code request}, received at {@code received}
     * @throws ApiException when the request is refused (answered with the error envelope)
     */
    ApiReply route(FullHttpRequest request, LocalDateTime received) {
        if (request.decoderResult().isFailure()) {
            throw new ApiException(ApiError.BAD_INPUT, "malformed HTTP request (headers over 8 KiB?)");
        }
        guard.checkHost(request);
        RequestUrl url = RequestUrl.parse(request.uri());
        String path = url.path();
        if (path.equals("/") || path.equals("/console")) {
            return ApiReply.redirect("/console/", Map.of());
        }
        if (path.equals("/console/login")) {
            return login(request, url, received);
        }
        if (path.startsWith("/console/")) {
            requireMethod(request, HttpMethod.GET);
            ConsoleFiles.File file = files.get(path.substring("/console/".length()));
            if (file == null) {
                throw new ApiException(ApiError.NOT_FOUND, path);
            }
            return new ApiReply(HttpResponseStatus.OK, file.contentType(), file.body(), ApiGuard.PAGE_HEADERS);
        }
        if (path.equals("/api/status")) {
            requireMethod(request, HttpMethod.GET);
            guard.authenticate(request);
            return ApiReply.json(HttpResponseStatus.OK, envelopes.success(status(), received));
        }
        if (path.equals("/api/tender")) {
            requirePost(request);
            TenderRequest input = RequestBodies.tender(RequestBodies.of(request));
            return refusable(() -> counter.tender(input), received);
        }
        if (path.equals("/api/host/failback")) {
            requirePost(request);
            RequestBodies.requireObject(RequestBodies.of(request));
            boolean moving = counter.hostFailBack();
            LOG.info("host fail-back asked: {}", moving ? "moving to the preferred address" : "nothing to do");
            return ApiReply.json(HttpResponseStatus.OK, envelopes.success(Map.of("failed_back", moving), received));
        }
        if (path.equals("/api/reprint")) {
            requirePost(request);
            RequestBodies.requireObject(RequestBodies.of(request));
            return refusable(() -> Map.of("printer", counter.reprintReceipt()), received);
        }
        var m = INFNO.matcher(path);
        if (m.matches()) {
            return transaction(request, m.group(1), received);
        }
        throw new ApiException(ApiError.NOT_FOUND, path);
    }

    private ApiReply transaction(FullHttpRequest request, String infno, LocalDateTime received) {
        requirePost(request);
        if (!router.infnos().contains(infno)) {
            throw new ApiException(ApiError.UNKNOWN_INFNO, "infno " + infno);
        }
        Envelopes.Request env = envelopes.parse(infno, RequestBodies.of(request));
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
    private record Answer(ApiReply reply, boolean settled) {
    }

    private Answer dispatch(Envelopes.Request env, LocalDateTime received) {
        try {
            Object output = router.dispatch(env.infno(), env.input(), env.msgid());
            LOG.info("infno {} msgid {}: ok", env.infno(), env.msgid());
            return new Answer(ApiReply.json(HttpResponseStatus.OK, envelopes.success(output, received)), true);
        } catch (CounterRefusedException e) {
            LOG.info("infno {} msgid {}: refused {} ({})", env.infno(), env.msgid(), e.refusal().code(),
                    e.refusal().message());
            return new Answer(ApiReply.json(HttpResponseStatus.OK, envelopes.failure(-1, e.refusal(), null, received)),
                    false);
        }
    }

    /** A POST of the API: authenticated, JSON, from this machine's pages or a client. */
    private void requirePost(FullHttpRequest request) {
        requireMethod(request, HttpMethod.POST);
        guard.authenticate(request);
        guard.checkPost(request);
    }

    /** The counter's answer to {@code work}, or its refusal ({@code infcode} -1), both HTTP 200. */
    private ApiReply refusable(Supplier<Object> work, LocalDateTime received) {
        try {
            return ApiReply.json(HttpResponseStatus.OK, envelopes.success(work.get(), received));
        } catch (CounterRefusedException e) {
            return ApiReply.json(HttpResponseStatus.OK, envelopes.failure(-1, e.refusal(), null, received));
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
    private ApiReply login(FullHttpRequest request, RequestUrl url, LocalDateTime received) {
        Map<String, List<String>> query = url.query();
        if (request.method().equals(HttpMethod.POST)) {
            guard.checkPost(request);
            String session = guard.login(RequestBodies.loginToken(RequestBodies.of(request)));
            return new ApiReply(HttpResponseStatus.OK, "application/json; charset=utf-8",
                    envelopes.success(Map.of("session", "opened"), received),
                    Map.of(HttpHeaderNames.SET_COOKIE.toString(), guard.cookie(session)));
        }
        requireMethod(request, HttpMethod.GET);
        if (query.containsKey("token")) {
            throw new ApiException(ApiError.TOKEN_IN_URL, "use the login link printed by terminal serve or api-token");
        }
        var ticket = query.get("ticket");
        String session = guard.loginWithTicket(ticket == null || ticket.isEmpty() ? null : ticket.get(0));
        return ApiReply.redirect("/console/", Map.of(HttpHeaderNames.SET_COOKIE.toString(), guard.cookie(session)));
    }

    private static void requireMethod(FullHttpRequest request, HttpMethod method) {
        if (!request.method().equals(method)) {
            throw new ApiException(ApiError.METHOD_NOT_ALLOWED, "use " + method);
        }
    }
}
