package cn.yibao.terminal.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Coded;
import cn.yibao.terminal.counter.ChrgitmLv;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The national dictionaries the settlement answers carry: codes and names as the counter shows them. */
class FundPayTypeTest {

    @Test
    void everyFundHasASixDigitCodeAndAChineseName() {
        for (FundPayType f : FundPayType.values()) {
            assertTrue(f.code().matches("[0-9]{6}"), f.name());
            assertTrue(f.nameZh().endsWith("基金") || f.nameZh().endsWith("账户") || f.nameZh().endsWith("资金"),
                    f.nameZh());
            assertEquals(Optional.of(f), Coded.byCode(FundPayType.class, f.code()));
        }
        assertEquals("310200", FundPayType.PERSONAL_ACCOUNT.code());
        assertEquals("职工基本医疗保险个人账户", FundPayType.PERSONAL_ACCOUNT.nameZh());
    }

    @Test
    void catalogClassesHaveTheirNationalCodes() {
        assertEquals("01", ChrgitmLv.A.code());
        assertEquals("非医保", ChrgitmLv.N.nameZh());
        for (ChrgitmLv c : ChrgitmLv.values()) {
            assertEquals(Optional.of(c), Coded.byCode(ChrgitmLv.class, c.code()));
        }
    }
}
