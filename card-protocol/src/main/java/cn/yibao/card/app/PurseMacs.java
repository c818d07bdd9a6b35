package cn.yibao.card.app;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import java.time.LocalDateTime;

/**
 * The inputs of the purse MACs and TACs (JR/T 0025.2 §5.5.2, §5.5.4), with this application's
 * extension: the settlement record, when present, is appended to MAC1 and TAC inputs.
 */
public final class PurseMacs {

    private PurseMacs() {
    }

    /** MAC1 (purchase) input: amount ‖ TTI 06 ‖ terminal id ‖ date ‖ time ‖ [record]. */
    public static byte[] purchaseMac1(Money amount, byte[] terminalId, LocalDateTime time, byte[] record) {
        return Bytes.concat(Fields.amount(amount), new byte[] {CardCommands.TTI_PURCHASE}, terminalId,
                Fields.dateTime(time), record);
    }

    /** MAC2 (purchase) input: amount. */
    public static byte[] purchaseMac2(Money amount) {
        return Fields.amount(amount);
    }

    /** TAC (purchase) input: amount ‖ TTI 06 ‖ terminal id ‖ terminal seq ‖ date ‖ time ‖ [record]. */
    public static byte[] purchaseTac(Money amount, byte[] terminalId, long terminalSeq, LocalDateTime time,
            byte[] record) {
        return Bytes.concat(Fields.amount(amount), new byte[] {CardCommands.TTI_PURCHASE}, terminalId,
                Bytes.be(terminalSeq, 4), Fields.dateTime(time), record);
    }

    /** MAC1 (load) input: old balance ‖ amount ‖ TTI 02 ‖ terminal id. */
    public static byte[] loadMac1(Money balance, Money amount, byte[] terminalId) {
        return Bytes.concat(Fields.amount(balance), Fields.amount(amount), new byte[] {CardCommands.TTI_LOAD},
                terminalId);
    }

    /** MAC2 (load, computed by the host) input: amount ‖ TTI 02 ‖ terminal id ‖ date ‖ time. */
    public static byte[] loadMac2(Money amount, byte[] terminalId, LocalDateTime time) {
        return Bytes.concat(Fields.amount(amount), new byte[] {CardCommands.TTI_LOAD}, terminalId,
                Fields.dateTime(time));
    }

    /** TAC (load) input: new balance ‖ online seq ‖ amount ‖ TTI 02 ‖ terminal id ‖ date ‖ time. */
    public static byte[] loadTac(Money newBalance, int onlineSeq, Money amount, byte[] terminalId,
            LocalDateTime time) {
        return Bytes.concat(Fields.amount(newBalance), Bytes.be(onlineSeq, 2), Fields.amount(amount),
                new byte[] {CardCommands.TTI_LOAD}, terminalId, Fields.dateTime(time));
    }
}
