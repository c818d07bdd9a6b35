package cn.yibao.terminal.http;

import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.Opter;
import cn.yibao.terminal.counter.TenderRequest;
import cn.yibao.terminal.operator.Operator;
import cn.yibao.terminal.operator.OperatorDb;
import cn.yibao.terminal.operator.OperatorRefusal;
import cn.yibao.terminal.operator.Operators;
import cn.yibao.terminal.operator.Shifts;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
    private static final Set<String> CANCELLATIONS = Set.of("2103", "2208", "2305");
    /** The console's pages that need an operator's session (the login page does not). */
    private static final Set<String> OPERATOR_PAGES = Set.of("", "index.html", "shift.html");

    private final CounterApi counter;
    private final InfnoRouter router;
    private final Envelopes envelopes;
    private final ApiGuard guard;
    private final ConsoleFiles files = new ConsoleFiles();
    private final MsgidLedger ledger;
    private final ConsoleRoutes console;
    private final Operators operators;

    ApiRoutes(CounterApi counter, Envelopes envelopes, ApiGuard guard, MsgidBindings bindings, OperatorDb db,
            Clock clock) {
        this.counter = counter;
        this.router = new InfnoRouter(counter);
        this.envelopes = envelopes;
        this.guard = guard;
        this.ledger = new MsgidLedger(bindings);
        this.operators = new Operators(db, clock);
        this.console = new ConsoleRoutes(counter, envelopes, guard, operators, new Shifts(db), clock, files);
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
        ApiReply consoleReply = console.route(request, path, received);
        if (consoleReply != null) {
            return consoleReply;
        }
        if (path.startsWith("/console/")) {
            requireMethod(request, HttpMethod.GET);
            String name = path.substring("/console/".length());
            ConsoleFiles.File file = files.get(name);
            if (file == null) {
                throw new ApiException(ApiError.NOT_FOUND, path);
            }
            if (OPERATOR_PAGES.contains(name) && !guard.operatorSession(request)) {
                return ApiReply.redirect("/console/login", Map.of()); // the till is for a logged-in operator only
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
        ApiGuard.Caller caller = requirePost(request);
        if (!router.infnos().contains(infno)) {
            throw new ApiException(ApiError.UNKNOWN_INFNO, "infno " + infno);
        }
        Envelopes.HisRequest parsed = envelopes.parse(infno, RequestBodies.of(request));
        if (caller.opterId() != null && CANCELLATIONS.contains(infno)) {
            // at the console a cancellation goes through /console/api/cancel, with a supervisor
            return ApiReply.json(HttpResponseStatus.OK,
                    envelopes.failure(-1, OperatorRefusal.SUPERVISOR_REQUIRED, null, received));
        }
        Envelopes.HisRequest env = new Envelopes.HisRequest(parsed.infno(), parsed.msgid(), parsed.input(),
                caller.opterId() == null ? parsed.opter() : sessionOpter(caller.opterId()));
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

    private Answer dispatch(Envelopes.HisRequest env, LocalDateTime received) {
        try {
            Object output = router.dispatch(env.infno(), env.input(), env.msgid(), env.opter());
            LOG.info("infno {} msgid {}: ok", env.infno(), env.msgid());
            return new Answer(ApiReply.json(HttpResponseStatus.OK, envelopes.success(output, received)), true);
        } catch (CounterRefusedException e) {
            LOG.info("infno {} msgid {}: refused {} ({})", env.infno(), env.msgid(), e.refusal().code(),
                    e.refusal().message());
            return new Answer(ApiReply.json(HttpResponseStatus.OK, envelopes.failure(-1, e.refusal(), null, received)),
                    false);
        }
    }

    /** A POST of the API: authenticated, JSON, from this machine's pages or a client; returns the caller. */
    private ApiGuard.Caller requirePost(FullHttpRequest request) {
        requireMethod(request, HttpMethod.POST);
        ApiGuard.Caller caller = guard.authenticate(request);
        guard.checkPost(request);
        return caller;
    }

    /** @return the logged-in operator of a console session as the national opter */
    private Opter sessionOpter(String opterId) {
        Operator op = operators.find(opterId).filter(o -> !o.disabled())
                .orElseThrow(() -> new ApiException(ApiError.OPERATOR_LOGIN_REQUIRED, "the operator was disabled"));
        return new Opter(op.id(), op.name());
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

    private static void requireMethod(FullHttpRequest request, HttpMethod method) {
        if (!request.method().equals(method)) {
            throw new ApiException(ApiError.METHOD_NOT_ALLOWED, "use " + method);
        }
    }
}
