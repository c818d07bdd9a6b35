package cn.yibao.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.session.CardInfo;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.SettleRequest;
import cn.yibao.card.session.SettleResult;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurchaseTest {

    @TempDir
    Path dir;

    @Test
    void fullPurchaseDebitsOnceAndRecords() {
        VirtualCard card = new VirtualCard("employee", dir);
        VirtualPsam psam = new VirtualPsam(dir);
        CardSession session = new CardSession(new IccTransport(card), new IccTransport(psam));
        CardInfo info = session.readCard("123456");
        assertEquals(Money.ofFen(150_000), info.purse().balance());
        SettleResult r = session.settle(new SettleRequest(Money.ofFen(2_550),
                SettlementRecord.simple(Money.ofFen(100), Money.ZERO, 2026), LocalDateTime.of(2026, 11, 23, 10, 0)));
        assertTrue(r.proof().mac2VerifiedByPsam());
        CardSnapshot s = card.snapshot();
        assertEquals(Money.ofFen(147_450), s.balance());
        assertEquals(1, s.offlineCounter());
        assertEquals(1, s.log().size());
        assertEquals(6, session.cardExchanges());
    }
}
