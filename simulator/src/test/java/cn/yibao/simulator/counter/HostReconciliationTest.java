package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.ReconciliationStatus;
import cn.yibao.terminal.counter.host.HostCalls;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live counter's reconciliation against a scripted host: 3201 carries today's totals, an
 * unbalanced answer is followed by 3202 with the detail and the differing records are named; no
 * host, or a host that does not answer, leaves the day not reconciled.
 */
class HostReconciliationTest {

    @TempDir
    Path dir;

    /** Answers 3201 with {@code rslt} and 3202 with one differing row, recording each request's input. */
    private static final class ScriptedHost implements HostCalls {
        final List<ObjectNode> inputs = new ArrayList<>();
        final String rslt;
        boolean up = true;

        ScriptedHost(String rslt) {
            this.rslt = rslt;
        }

        @Override
        public Response call(Infno infno, ObjectNode input) throws HostUnavailableException {
            if (!up) {
                throw new HostUnavailableException("down");
            }
            inputs.add(input.deepCopy());
            Request req = Request.of(infno, "M" + inputs.size(), "F1", "OP1", "S1", input);
            if (infno == Infno.RECON_TOTALS && rslt == null) {
                return Response.refused(req, LinkRefusal.NOT_SIGNED_IN, Json.object());
            }
            if (infno == Infno.RECON_TOTALS) {
                return Response.ok(req, Json.object().put("stmt_rslt", rslt).put("stmt_rslt_dscr",
                        "0".equals(rslt) ? "对平" : "医药机构多"));
            }
            ObjectNode out = Json.object().put("stmt_rslt", "3");
            out.putArray("rows").addObject().put("msgid", input.path("details").path(0).path("msgid").asText())
                    .put("stmt_rslt", "2");
            return Response.ok(req, out);
        }

        @Override
        public boolean online() {
            return up;
        }
    }

    @Test
    void anUnbalancedDayIsReconciledByDetailAndTheDifferingRecordIsNamed() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            f.counter.settlePharmacy(OfflineGateTest.sale(f), Pin.ofNullable("123456"), "REC-1");
            ScriptedHost host = new ScriptedHost("2");
            f.host.use(host);

            ReconciliationStatus r = f.counter.reconciliation();
            assertEquals("2", r.stmtRslt());
            assertTrue(r.stmtRsltDscr().contains("REC-1(终端有)"), r.stmtRsltDscr());
            assertEquals(2, host.inputs.size(), "3201, then 3202");
            ObjectNode totals = host.inputs.get(0);
            assertEquals(1, totals.path("fixmedins_setl_cnt").asLong());
            assertEquals("59.90", totals.path("acct_pay").asText());
            assertEquals("REC-1", host.inputs.get(1).path("details").path(0).path("msgid").asText());
        }
    }

    @Test
    void aBalancedDayNeedsNoDetailAndWithoutTheHostNothingIsReconciled() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            f.counter.settlePharmacy(OfflineGateTest.sale(f), Pin.ofNullable("123456"), "REC-2");
            assertNull(f.counter.reconciliation().stmtRslt(), "offline by default");
            ScriptedHost host = new ScriptedHost("0");
            host.up = false;
            f.host.use(host);
            assertNull(f.counter.reconciliation().stmtRslt(), "host unreachable");

            host.up = true;
            ReconciliationStatus r = f.counter.reconciliation();
            assertEquals("0", r.stmtRslt());
            assertEquals(1, host.inputs.size(), "3201 only");
            assertTrue(f.counter.syncStatus().hostReachable());
        }
    }

    @Test
    void aRefusedReconciliationIsShownInChineseWithoutTheHostsCode() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            f.host.use(new ScriptedHost(null));
            ReconciliationStatus r = f.counter.reconciliation();
            assertNull(r.stmtRslt());
            assertEquals("对账被中心拒绝：" + LinkRefusal.NOT_SIGNED_IN.messageZh(), r.stmtRsltDscr());
        }
    }
}
