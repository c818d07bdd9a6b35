package cn.yibao.card.app;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import java.time.LocalDateTime;

/**
 * One record of the cyclic medical transaction log DF04 EF08 (28 bytes): seq b2 ‖ type an1 ‖
 * terminal id cn6 ‖ time cn7 ‖ account amount b4 ‖ self-paid b4 ‖ fund b4.
 *
 * @param seq transaction sequence (the purse counter used by the transaction)
 * @param type {@code '1'} account load (账户划入), {@code '2'} medical settlement (医疗结算)
 * @param terminalId terminal id, 12 digits
 * @param time transaction time
 * @param accountAmount amount debited from (or loaded to) the personal account
 * @param selfPaid amount the person paid in cash
 * @param fund amount the funds paid
 */
public record MedicalLogRecord(int seq, char type, String terminalId, LocalDateTime time, Money accountAmount,
        Money selfPaid, Money fund) {

    /** Record length. */
    public static final int LENGTH = 28;
    /** Type: account load. */
    public static final char LOAD = '1';
    /** Type: medical settlement. */
    public static final char SETTLEMENT = '2';

    public MedicalLogRecord {
        if (seq < 0 || seq > 0xFFFF || (type != LOAD && type != SETTLEMENT)) {
            throw new IllegalArgumentException("bad seq or type");
        }
        if (terminalId == null || !terminalId.matches("\\d{12}") || time == null) {
            throw new IllegalArgumentException("terminal id of 12 digits and time required");
        }
        if (accountAmount == null || selfPaid == null || fund == null) {
            throw new IllegalArgumentException("amounts required");
        }
    }

    /** @return the 28-byte record */
    public byte[] encode() {
        return Bytes.concat(Bytes.be(seq, 2), new byte[] {(byte) type}, Bytes.bcd(terminalId, 6),
                Fields.dateTime(time), Fields.amount(accountAmount), Fields.amount(selfPaid), Fields.amount(fund));
    }

    /**
     * Parses a record.
     *
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} if it is not one
     */
    public static MedicalLogRecord parse(byte[] r) {
        Bytes.requireLength(r, LENGTH, "log record");
        try {
            return new MedicalLogRecord((int) Bytes.be(r, 0, 2), (char) (r[2] & 0xFF),
                    Bytes.unbcd(Bytes.slice(r, 3, 6)), Fields.dateTime(Bytes.slice(r, 9, 7)),
                    Fields.amount(r, 16), Fields.amount(r, 20), Fields.amount(r, 24));
        } catch (IllegalArgumentException e) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "invalid log record: " + e.getMessage());
        }
    }
}
