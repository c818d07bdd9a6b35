package cn.yibao.simulator.card;

import cn.yibao.card.Money;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.SettleRequest;
import java.nio.file.Path;
import java.time.LocalDateTime;

/** A virtual card and PSAM wired in memory, as a counter terminal would use them. */
final class Rig {

    static final String PIN = Persona.DEFAULT_PIN;
    static final LocalDateTime TIME = LocalDateTime.of(2026, 11, 23, 10, 30, 15);

    final VirtualCard card;
    final VirtualPsam psam;
    final IccTransport cardLink;
    final IccTransport psamLink;

    Rig(String persona, Path dir) {
        card = VirtualCard.fresh(persona, dir);
        psam = new VirtualPsam(dir);
        cardLink = new IccTransport(card);
        psamLink = new IccTransport(psam);
    }

    CardSession session() {
        return new CardSession(cardLink, psamLink);
    }

    static SettleRequest sale(long fen) {
        return new SettleRequest(Money.ofFen(fen), SettlementRecord.simple(Money.ofFen(500), Money.ofFen(1_200), 2026),
                TIME);
    }
}
