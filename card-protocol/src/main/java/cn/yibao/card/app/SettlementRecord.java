package cn.yibao.card.app;

import cn.yibao.card.CardCode;
import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import java.util.Optional;

/**
 * The settlement written to the card by the same DEBIT that takes the money (23 bytes, covered by
 * MAC1 and TAC): self-paid b4 ‖ fund b4 ‖ year cn2 ‖ Δytd_base b4 ‖ Δytd_over b4 ‖
 * Δytd_outpatient b4 ‖ new card state b1 (00 = unchanged).
 *
 * <p>The card adds the deltas to its accumulators (first zeroing them if {@code year} is later than
 * theirs), appends a log record and, if asked, changes the card state (admission, discharge).
 *
 * @param selfPaid what the person pays in cash
 * @param fund what the funds pay
 * @param year the settlement year
 * @param deltaBase amount to add to ytd_base
 * @param deltaOver amount to add to ytd_over
 * @param deltaOutpatient amount to add to ytd_outpatient
 * @param newCardState the card state after this settlement, or empty to keep it
 */
public record SettlementRecord(Money selfPaid, Money fund, int year, Money deltaBase, Money deltaOver,
        Money deltaOutpatient, Optional<CardState> newCardState) {

    /** Encoded length. */
    public static final int LENGTH = 23;

    public SettlementRecord {
        if (selfPaid == null || fund == null || deltaBase == null || deltaOver == null || deltaOutpatient == null
                || newCardState == null) {
            throw new IllegalArgumentException("all fields required");
        }
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
    }

    /** @return a record with no accumulator change and the state kept */
    public static SettlementRecord simple(Money selfPaid, Money fund, int year) {
        return new SettlementRecord(selfPaid, fund, year, Money.ZERO, Money.ZERO, Money.ZERO, Optional.empty());
    }

    /** @return the 23 bytes */
    public byte[] encode() {
        return Bytes.concat(Fields.amount(selfPaid), Fields.amount(fund), Bytes.bcd(Integer.toString(year), 2),
                Fields.amount(deltaBase), Fields.amount(deltaOver), Fields.amount(deltaOutpatient),
                new byte[] {(byte) newCardState.map(CardState::cardByte).orElse(0).intValue()});
    }

    /**
     * Parses the 23 bytes.
     *
     * @throws CardException {@link CardError#WRONG_DATA} if they are not a record
     */
    public static SettlementRecord parse(byte[] b) {
        try {
            if (b.length != LENGTH) {
                throw new IllegalArgumentException("length " + b.length);
            }
            int state = b[22] & 0xFF;
            return new SettlementRecord(Fields.amount(b, 0), Fields.amount(b, 4),
                    Integer.parseInt(Bytes.unbcd(Bytes.slice(b, 8, 2))), Fields.amount(b, 10), Fields.amount(b, 14),
                    Fields.amount(b, 18), state == 0 ? Optional.empty() : Optional.of(CardCode.of(CardState.class, state)));
        } catch (IllegalArgumentException | CardException e) {
            throw CardException.protocol(CardError.WRONG_DATA, "invalid settlement record");
        }
    }
}
