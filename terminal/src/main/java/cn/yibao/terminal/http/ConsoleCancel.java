package cn.yibao.terminal.http;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CancelRequest;
import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.Opter;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.operator.Operator;
import cn.yibao.terminal.operator.OperatorRefusal;
import cn.yibao.terminal.operator.OperatorRefusedException;
import cn.yibao.terminal.operator.Operators;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /console/api/cancel}: a same-day cancellation at the console, approved by a
 * supervisor's id and password, with a reason; made in the name of the session's operator, the
 * reason and the supervisor kept with it ({@code memo}). Answers the reversal's split, the refund
 * to the account and the cash to hand back.
 */
final class ConsoleCancel {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleCancel.class);
    private static final int MAX_REASON = 100;

    private ConsoleCancel() {
    }

    static Map<String, Object> cancel(CounterApi counter, Operators operators, Clock clock, Operator op,
            JsonNode body) {
        String reason = body.path("reason").isTextual() ? body.path("reason").asText().strip() : "";
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new OperatorRefusedException(OperatorRefusal.CANCEL_REASON_REQUIRED);
        }
        String supervisorId = body.path("supervisor_id").isTextual() ? body.path("supervisor_id").asText() : "";
        String pw = body.path("supervisor_password").isTextual() ? body.path("supervisor_password").asText() : "";
        if (supervisorId.isEmpty() || pw.isEmpty()) {
            throw new OperatorRefusedException(OperatorRefusal.SUPERVISOR_REQUIRED);
        }
        char[] password = pw.toCharArray();
        Operator supervisor;
        try {
            supervisor = operators.authenticate(supervisorId, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (!supervisor.supervisor()) {
            throw new OperatorRefusedException(OperatorRefusal.NOT_A_SUPERVISOR);
        }
        CancelRequest cancel;
        try {
            cancel = new CancelRequest(ConsoleRoutes.text(body, "setl_id", 30), body.path("mdtrt_id").isTextual()
                    ? body.path("mdtrt_id").asText() : null, ConsoleRoutes.text(body, "psn_no", 30));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.BAD_INPUT, InputErrors.clean(e.getMessage(), "invalid value"));
        }
        String msgid = body.path("msgid").isTextual() ? ConsoleRoutes.text(body, "msgid", 30) : "C" + clock.millis();
        String memo = "撤销原因：" + reason + "；批准主管：" + supervisor.id() + " " + supervisor.name();
        Settlement done = counter.cancel(cancel, msgid, new Opter(op.id(), op.name()), memo);
        LOG.info("settlement {} cancelled at the console by {} with supervisor {}", cancel.setlId(), op.id(),
                supervisor.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("setlinfo", done.setlinfo());
        out.put("acct_refund", Money.ZERO.minus(done.setlinfo().acctPay()));
        out.put("cash_refund", Money.ZERO.minus(done.setlinfo().psnCashPay()));
        out.put("opter", done.opter());
        out.put("opter_name", done.opterName());
        out.put("supervisor_id", supervisor.id());
        out.put("supervisor_name", supervisor.name());
        out.put("reason", reason);
        return out;
    }

}
