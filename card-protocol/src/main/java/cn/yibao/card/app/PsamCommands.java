package cn.yibao.card.app;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.CommandApdu;
import cn.yibao.card.crypto.Algorithm;
import java.time.LocalDateTime;

/** The PSAM's command set (contact slot; docs/card-application.md §4). */
public final class PsamCommands {

    /** INS READ BINARY. */
    public static final int READ_BINARY = 0xB0;
    /** INS compute the external-authentication cryptogram (CLA 80). */
    public static final int AUTH_CRYPTOGRAM = 0x7C;
    /** INS INIT SAM FOR PURCHASE: MAC1 (CLA 80). */
    public static final int INIT_SAM_PURCHASE = 0x70;
    /** INS CREDIT SAM FOR PURCHASE: verify MAC2 (CLA 80). */
    public static final int VERIFY_MAC2 = 0x72;
    /** SFI of the terminal-id file EF16. */
    public static final int SFI_TERMINAL_ID = 0x16;

    private PsamCommands() {
    }

    /** @return READ BINARY of EF16, the 6-byte terminal id */
    public static CommandApdu readTerminalId() {
        return CommandApdu.of(0x00, READ_BINARY, 0x80 | SFI_TERMINAL_ID, 0x00, null, 6);
    }

    /** @return the command computing the EXTERNAL AUTHENTICATE cryptogram for a card */
    public static CommandApdu authCryptogram(Algorithm alg, byte[] serial, byte[] challenge) {
        return CommandApdu.of(0x80, AUTH_CRYPTOGRAM, alg.id(), CardCommands.KEY_RK1DF04,
                Bytes.concat(serial, challenge), 8);
    }

    /**
     * @return INIT SAM FOR PURCHASE: random(4) ‖ offline seq(2) ‖ amount(4) ‖ TTI(1) ‖ date-time(7) ‖
     *     key version(1) ‖ algorithm id(1) ‖ application serial(8) ‖ [settlement record(23)]
     */
    public static CommandApdu initSamPurchase(PurchaseInit init, Money amount, LocalDateTime time, byte[] serial,
            SettlementRecord record) {
        byte[] ext = record == null ? new byte[0] : record.encode();
        return CommandApdu.of(0x80, INIT_SAM_PURCHASE, 0x00, 0x00, Bytes.concat(init.random(),
                Bytes.be(init.offlineSeq(), 2), Fields.amount(amount), new byte[] {CardCommands.TTI_PURCHASE},
                Fields.dateTime(time), new byte[] {(byte) init.keyVersion(), (byte) init.algorithm().id()},
                serial, ext), 8);
    }

    /** @return CREDIT SAM FOR PURCHASE: the PSAM verifies the card's MAC2 */
    public static CommandApdu verifyMac2(byte[] mac2) {
        return CommandApdu.of(0x80, VERIFY_MAC2, 0x00, 0x00, mac2);
    }
}
