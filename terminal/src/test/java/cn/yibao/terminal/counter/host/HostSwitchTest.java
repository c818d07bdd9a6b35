package cn.yibao.terminal.counter.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostUnavailableException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostSwitchTest {

    /** Answers every call, noting the msgid it was sent under ("-" when none). */
    private static final class NotingHost implements HostCalls {
        final List<String> msgids = new ArrayList<>();

        @Override
        public Response call(Infno infno, ObjectNode input) {
            return call(infno, "-", input);
        }

        @Override
        public Response call(Infno infno, String msgid, ObjectNode input) {
            msgids.add(msgid);
            return new Response(Response.OK, msgid, "", "", Json.object());
        }

        @Override
        public boolean online() {
            return true;
        }

        @Override
        public boolean failBack() {
            return true;
        }
    }

    @Test
    void offlineUntilSwitchedThenEveryCallGoesToTheHostInUse() throws Exception {
        HostSwitch host = new HostSwitch();
        assertFalse(host.online());
        assertFalse(host.failBack());
        assertThrows(HostUnavailableException.class, () -> host.call(Infno.CARD_REPORT, Json.object()));

        NotingHost link = new NotingHost();
        host.use(link);
        assertSame(link, host.current());
        assertTrue(host.online());
        assertTrue(host.failBack());
        host.call(Infno.STOCK_TAKE, "HIS-1", Json.object());
        host.call(Infno.CARD_REPORT, Json.object());
        assertEquals(List.of("HIS-1", "-"), link.msgids, "the caller's msgid travels through the switch");

        host.use(HostCalls.OFFLINE);
        assertFalse(host.online());
        assertThrows(HostUnavailableException.class, () -> host.call(Infno.STOCK_TAKE, "HIS-2", Json.object()));
        assertEquals(2, link.msgids.size());
    }
}
