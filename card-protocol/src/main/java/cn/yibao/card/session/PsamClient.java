package cn.yibao.card.session;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.ResponseApdu;
import cn.yibao.card.apdu.StatusWord;
import cn.yibao.card.app.PsamCommands;
import cn.yibao.card.app.PurchaseInit;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.crypto.Algorithm;
import java.time.LocalDateTime;

/** The PSAM side of a session (contact slot). */
final class PsamClient {

    /** MAC1 and the PSAM's terminal sequence. */
    record Mac1(long terminalSeq, byte[] mac1) {
    }

    private final Link link;
    private String terminalId;

    PsamClient(Link link) {
        this.link = link;
    }

    /** @return the 12-digit terminal id, read once from EF16 */
    String terminalId() {
        if (terminalId == null) {
            byte[] id = Bytes.requireLength(link.require(PsamCommands.readTerminalId(), "PSAM READ TERMINAL ID"),
                    6, "terminal id");
            String digits = Bytes.unbcd(id);
            if (digits.length() != 12) {
                throw CardException.protocol(CardError.MALFORMED_RESPONSE, "terminal id is not 12 digits");
            }
            terminalId = digits;
        }
        return terminalId;
    }

    byte[] authCryptogram(Algorithm alg, byte[] serial, byte[] challenge) {
        return Bytes.requireLength(link.require(PsamCommands.authCryptogram(alg, serial, challenge),
                "PSAM AUTH CRYPTOGRAM"), 8, "cryptogram");
    }

    Mac1 mac1(PurchaseInit init, Money amount, LocalDateTime time, byte[] serial, SettlementRecord record) {
        byte[] r = Bytes.requireLength(link.require(PsamCommands.initSamPurchase(init, amount, time, serial, record),
                "PSAM INIT SAM FOR PURCHASE"), 8, "PSAM MAC1 answer");
        return new Mac1(Bytes.be(r, 0, 4), Bytes.slice(r, 4, 4));
    }

    /**
     * Asks the PSAM to verify MAC2.
     *
     * @return true if verified, false if the PSAM no longer holds the session (6985/6901)
     * @throws CardException {@link CardError#MAC_INVALID} if MAC2 is wrong, or another error
     */
    boolean verifyMac2(byte[] mac2) {
        ResponseApdu r = link.send(PsamCommands.verifyMac2(mac2), "PSAM VERIFY MAC2");
        if (r.sw() == StatusWord.CONDITIONS_NOT_SATISFIED || r.sw() == StatusWord.STATE_INVALID) {
            return false;
        }
        StatusWord.require(r, "PSAM VERIFY MAC2");
        return true;
    }

    long exchanges() {
        return link.exchanges();
    }
}
