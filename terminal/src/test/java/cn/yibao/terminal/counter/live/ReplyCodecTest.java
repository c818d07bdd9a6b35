package cn.yibao.terminal.counter.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.ChrgitmLv;
import cn.yibao.terminal.counter.ExplainLine;
import cn.yibao.terminal.counter.LineSplit;
import cn.yibao.terminal.counter.SetlDetail;
import cn.yibao.terminal.counter.SetlInfo;
import cn.yibao.terminal.counter.Settlement;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal keeps settlement answers in this exact form: amounts in fen, times in ISO-8601. */
class ReplyCodecTest {

    private static final String STORED = "{\"setlinfo\":{\"setlId\":\"S1\",\"mdtrtId\":\"M1\",\"psnNo\":\"P1\","
            + "\"psnName\":\"张三\",\"insutype\":\"310\",\"psnType\":\"11\",\"medType\":\"41\","
            + "\"setlTime\":\"2026-11-23T10:00:05\",\"medfeeSumamt\":10000,\"fulamtOwnpayAmt\":1000,"
            + "\"preselfpayAmt\":500,\"inscpScpAmt\":8500,\"actPayDedc\":0,\"poolPropSelfpay\":0,\"hifpPay\":0,"
            + "\"cvlservPay\":0,\"hifobPay\":0,\"hifmiPay\":0,\"mafPay\":0,\"othPay\":0,\"fundPaySumamt\":0,"
            + "\"psnPartAmt\":10000,\"acctPay\":6000,\"psnCashPay\":4000,\"balc\":20001},"
            + "\"setldetail\":[{\"fundPayType\":\"310200\",\"fundPayTypeName\":\"职工基本医疗保险个人账户\","
            + "\"inscpScpAmt\":8500,\"fundPayamt\":6000}],"
            + "\"detlcutinfo\":[{\"feedetlSn\":\"1\",\"medListCodg\":\"X1\",\"hilistName\":\"药\",\"cnt\":1,"
            + "\"pric\":10000,\"detItemFeeSumamt\":10000,\"chrgitmLv\":\"B\",\"fulamtOwnpayAmt\":1000,"
            + "\"preselfpayAmt\":500,\"inscpScpAmt\":8500}],"
            + "\"explain\":[{\"zh\":\"说明\",\"en\":\"explained\"}]}";

    private static Money y(String yuan) {
        return Money.parseYuan(yuan);
    }

    static Settlement settlement() {
        Money z = Money.ZERO;
        SetlInfo info = new SetlInfo("S1", "M1", "P1", "张三", "310", "11", "41", LocalDateTime.of(2026, 11, 23, 10, 0, 5),
                y("100.00"), y("10.00"), y("5.00"), y("85.00"), z, z, z, z, z, z, z, z, z, y("100.00"), y("60.00"),
                y("40.00"), y("200.01"));
        LineSplit line = new LineSplit("1", "X1", "药", BigDecimal.ONE, y("100.00"), y("100.00"), ChrgitmLv.B,
                y("10.00"), y("5.00"), y("85.00"));
        return new Settlement(info, List.of(new SetlDetail("310200", "职工基本医疗保险个人账户", y("85.00"), y("60.00"))),
                List.of(line), List.of(new ExplainLine("说明", "explained")));
    }

    @Test
    void writesTheStoredForm() {
        assertEquals(STORED, ReplyCodec.write(settlement()));
    }

    @Test
    void readsTheStoredForm() {
        assertEquals(settlement(), ReplyCodec.read(STORED));
        assertEquals(STORED, ReplyCodec.write(ReplyCodec.read(STORED)));
    }

    @Test
    void refusesAnUnreadableAnswer() {
        assertThrows(IllegalStateException.class, () -> ReplyCodec.read(STORED.replace("10000", "\"ten\"")));
        assertThrows(IllegalStateException.class, () -> ReplyCodec.read(STORED.replace("2026-11-23T10:00:05", "x")));
        assertThrows(IllegalStateException.class, () -> ReplyCodec.read(STORED.replace("\"zh\"", "\"bogus\"")));
    }
}
