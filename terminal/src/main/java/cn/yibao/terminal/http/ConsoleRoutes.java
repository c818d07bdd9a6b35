package cn.yibao.terminal.http;

import cn.yibao.card.Refusal;
import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.Stay;
import cn.yibao.terminal.operator.Operator;
import cn.yibao.terminal.operator.OperatorRefusal;
import cn.yibao.terminal.operator.OperatorRefusedException;
import cn.yibao.terminal.operator.Operators;
import cn.yibao.terminal.operator.Shifts;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's own routes: the operators' login page and login ({@code /console/login}),
 * {@code /console/logout}, and {@code /console/api/…} for a logged-in operator — who they are
 * ({@code me}), a supervisor-approved cancellation ({@code cancel}), the shift report
 * ({@code shift}, {@code shift/close}) and the stay of an inpatient number ({@code stay}).
 * Refusals are answered like the transactions': HTTP 200, {@code infcode} -1, a stable
 * {@code err_code} and the Chinese message.
 */
final class ConsoleRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);

    private final CounterApi counter;
    private final Envelopes envelopes;
    private final ApiGuard guard;
    private final Operators operators;
    private final Shifts shifts;
    private final Clock clock;
    private final ConsoleFiles files;

    ConsoleRoutes(CounterApi counter, Envelopes envelopes, ApiGuard guard, Operators operators, Shifts shifts,
            Clock clock, ConsoleFiles files) {
        this.counter = counter;
        this.envelopes = envelopes;
        this.guard = guard;
        this.operators = operators;
        this.shifts = shifts;
        this.clock = clock;
        this.files = files;
    }

    /** @return the answer to a console route, or null when {@code path} is not one */
    ApiReply route(FullHttpRequest request, String path, LocalDateTime received) {
        return switch (path) {
            case "/console/login" -> login(request, received);
            case "/console/logout" -> {
                requirePost(request);
                guard.logout(request);
                yield new ApiReply(HttpResponseStatus.OK, "application/json; charset=utf-8",
                        envelopes.success(Map.of("session", "closed"), received),
                        Map.of(HttpHeaderNames.SET_COOKIE.toString(), guard.cookie("")));
            }
            case "/console/api/me" -> {
                Operator op = operator(request, HttpMethod.GET);
                yield ok(me(op), received);
            }
            case "/console/api/cancel" -> refusable(() -> ConsoleCancel.cancel(counter, operators, clock,
                    operator(request, HttpMethod.POST), json(request)), received);
            case "/console/api/shift" -> refusable(() -> shift(operator(request, HttpMethod.GET), request), received);
            case "/console/api/shift/close" -> refusable(() -> closeShift(operator(request, HttpMethod.POST)), received);
            case "/console/api/stay" -> refusable(() -> stay(operator(request, HttpMethod.GET),
                    query(request, "ipt_otp_no")), received);
            default -> null;
        };
    }

    /**
     * {@code GET /console/login}: the login page; with {@code ?ticket=} (the single-use link
     * {@code serve} and {@code api-token} print) the ticket is checked and spent, then the page.
     * {@code POST} {@code {"opter_id", "password"}}: the operator's session cookie;
     * {@code {"token"}} (scripts): a session naming no operator, which counts as the HIS.
     */
    private ApiReply login(FullHttpRequest request, LocalDateTime received) {
        if (request.method().equals(HttpMethod.POST)) {
            guard.checkPost(request);
            JsonNode body = json(request);
            if (body.has("token")) {
                String session = guard.login(body.path("token").isTextual() ? body.path("token").asText() : null);
                return withCookie(envelopes.success(Map.of("session", "opened"), received), session);
            }
            String id = text(body, "opter_id", 20);
            char[] password = text(body, "password", 128).toCharArray();
            try {
                Operator op = operators.authenticate(id, password);
                shifts.begin(op.id(), clock.instant());
                LOG.info("console login: operator {}", op.id());
                return withCookie(envelopes.success(me(op), received), guard.loginOperator(op.id()));
            } catch (OperatorRefusedException e) {
                return refusal(e.refusal(), received);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        requireMethod(request, HttpMethod.GET);
        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        if (query.containsKey("token")) {
            throw new ApiException(ApiError.TOKEN_IN_URL, "use the login link printed by terminal serve or api-token");
        }
        if (query.containsKey("ticket")) {
            List<String> ticket = query.get("ticket");
            try {
                guard.redeemTicket(ticket.isEmpty() ? null : ticket.get(0));
            } catch (ApiException e) {
                if (!browsing(request)) {
                    throw e;
                }
                // a cashier's browser gets the login page saying so in Chinese, never a JSON page
                return ApiReply.redirect("/console/login?link=invalid", Map.of());
            }
            return ApiReply.redirect("/console/login", Map.of());
        }
        ConsoleFiles.File page = files.get("login.html");
        return new ApiReply(HttpResponseStatus.OK, page.contentType(), page.body(), ApiGuard.PAGE_HEADERS);
    }

    /** @return whether a browser navigates here (it accepts HTML), rather than a program calling */
    private static boolean browsing(FullHttpRequest request) {
        String accept = request.headers().get(HttpHeaderNames.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    /** The discharge desk's look-up of a stay by the hospital's 住院号 (any logged-in operator). */
    private Stay stay(Operator op, String iptOtpNo) {
        try {
            return counter.stay(iptOtpNo);
        } catch (CounterRefusedException e) {
            if (e.refusal() == CounterRefusal.VISIT_NOT_FOUND) {
                throw new OperatorRefusedException(OperatorRefusal.STAY_NOT_FOUND);
            }
            throw e;
        } finally {
            LOG.debug("stay looked up by operator {}", op.id());
        }
    }

    private Map<String, Object> shift(Operator op, FullHttpRequest request) {
        String other = new QueryStringDecoder(request.uri()).parameters().getOrDefault("opter_id", List.of()).stream()
                .findFirst().orElse(null);
        Operator whose = op;
        if (other != null && !other.equals(op.id())) {
            if (!op.supervisor()) {
                throw new OperatorRefusedException(OperatorRefusal.NOT_A_SUPERVISOR);
            }
            whose = operators.find(other).orElseThrow(() -> new OperatorRefusedException(OperatorRefusal.OPERATOR_UNKNOWN));
        }
        return report(whose, clock.instant());
    }

    /**
     * Closes the shift at the current second (times are kept to the second): the closed report takes
     * everything up to it, the next shift begins at the next second.
     */
    private Map<String, Object> closeShift(Operator op) {
        java.time.Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> closed = report(op, now);
        shifts.close(op.id(), now.plusSeconds(1));
        LOG.info("operator {} closed the shift", op.id());
        return closed;
    }

    private Map<String, Object> report(Operator op, java.time.Instant now) {
        LocalDateTime begin = LocalDateTime.ofInstant(shifts.begin(op.id(), now), clock.getZone()).withNano(0);
        return ShiftReport.of(counter, op, begin, LocalDateTime.ofInstant(now, clock.getZone()));
    }

    private static Map<String, Object> me(Operator op) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("opter_id", op.id());
        out.put("opter_name", op.name());
        out.put("role", op.role().wire());
        return out;
    }

    /** @return the logged-in operator of the request, which must use {@code method} */
    private Operator operator(FullHttpRequest request, HttpMethod method) {
        requireMethod(request, method);
        ApiGuard.Caller caller;
        try {
            caller = guard.authenticate(request);
        } catch (ApiException e) {
            if (e.error() == ApiError.TOKEN_MISSING || e.error() == ApiError.TOKEN_WRONG) {
                throw new ApiException(ApiError.OPERATOR_LOGIN_REQUIRED, null); // no session, or it ended
            }
            throw e;
        }
        if (method.equals(HttpMethod.POST)) {
            guard.checkPost(request);
        }
        if (caller.opterId() == null) {
            throw new ApiException(ApiError.OPERATOR_LOGIN_REQUIRED, null);
        }
        return operators.find(caller.opterId()).filter(o -> !o.disabled())
                .orElseThrow(() -> new ApiException(ApiError.OPERATOR_LOGIN_REQUIRED, "the operator was disabled"));
    }

    private void requirePost(FullHttpRequest request) {
        requireMethod(request, HttpMethod.POST);
        guard.checkPost(request);
    }

    private ApiReply refusable(Supplier<Object> work, LocalDateTime received) {
        try {
            return ok(work.get(), received);
        } catch (CounterRefusedException e) {
            return refusal(e.refusal(), received);
        } catch (OperatorRefusedException e) {
            return refusal(e.refusal(), received);
        }
    }

    private ApiReply ok(Object output, LocalDateTime received) {
        return ApiReply.json(HttpResponseStatus.OK, envelopes.success(output, received));
    }

    private ApiReply refusal(Refusal refusal, LocalDateTime received) {
        return ApiReply.json(HttpResponseStatus.OK, envelopes.failure(-1, refusal, null, received));
    }

    private ApiReply withCookie(byte[] envelope, String session) {
        return new ApiReply(HttpResponseStatus.OK, "application/json; charset=utf-8", envelope,
                Map.of(HttpHeaderNames.SET_COOKIE.toString(), guard.cookie(session)));
    }

    private static String query(FullHttpRequest request, String name) {
        List<String> values = new QueryStringDecoder(request.uri()).parameters().getOrDefault(name, List.of());
        if (values.isEmpty() || values.get(0).isBlank() || values.get(0).length() > 30) {
            throw new ApiException(ApiError.BAD_INPUT, name + " is required (at most 30 characters)");
        }
        return values.get(0).strip();
    }

    static JsonNode json(FullHttpRequest request) {
        try {
            JsonNode root = ApiJson.mapper().readTree(RequestBodies.of(request));
            if (root == null || !root.isObject()) {
                throw new ApiException(ApiError.BAD_JSON, "the body must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_JSON, "the body must be a JSON object");
        }
    }

    static String text(JsonNode body, String field, int max) {
        JsonNode n = body.path(field);
        if (!n.isTextual() || n.asText().isEmpty() || n.asText().length() > max) {
            throw new ApiException(ApiError.BAD_INPUT, field + " is required (a string of at most " + max + " characters)");
        }
        return n.asText();
    }

    private static void requireMethod(FullHttpRequest request, HttpMethod method) {
        if (!request.method().equals(method)) {
            throw new ApiException(ApiError.METHOD_NOT_ALLOWED, "use " + method);
        }
    }
}
