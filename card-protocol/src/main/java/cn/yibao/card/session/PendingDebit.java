package cn.yibao.card.session;

import cn.yibao.card.CardNumbers;
import cn.yibao.card.Money;
import cn.yibao.card.apdu.Hex;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.crypto.Algorithm;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * A debit about to be sent to the card (or in flight when the card left the field). The terminal
 * journals it before DEBIT and hands it to {@link CardSession#recover(PendingDebit)} after a tear.
 *
 * @param appSerial the card's application serial (8 bytes)
 * @param cardNumber the card number (never log it unmasked)
 * @param algorithm the purse algorithm
 * @param offlineSeq the card's offline counter used by this debit
 * @param amount the amount debited from the personal account
 * @param terminalId the terminal id, 12 digits
 * @param terminalSeq the PSAM's terminal transaction sequence
 * @param time the transaction time
 * @param balanceBefore the balance before the debit
 * @param record the settlement record written with the debit, if any
 */
public record PendingDebit(byte[] appSerial, String cardNumber, Algorithm algorithm, int offlineSeq, Money amount,
        String terminalId, long terminalSeq, LocalDateTime time, Money balanceBefore,
        Optional<SettlementRecord> record) {

    public PendingDebit {
        if (appSerial == null || appSerial.length != 8) {
            throw new IllegalArgumentException("application serial must be 8 bytes");
        }
        appSerial = appSerial.clone();
        if (cardNumber == null || algorithm == null || amount == null || terminalId == null || time == null
                || balanceBefore == null || record == null) {
            throw new IllegalArgumentException("all fields required");
        }
    }

    @Override
    public byte[] appSerial() {
        return appSerial.clone();
    }

    /** @return the balance after the debit */
    public Money balanceAfter() {
        return balanceBefore.minus(amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingDebit p && Arrays.equals(p.appSerial, appSerial) && p.cardNumber.equals(cardNumber)
                && p.algorithm == algorithm && p.offlineSeq == offlineSeq && p.amount.equals(amount)
                && p.terminalId.equals(terminalId) && p.terminalSeq == terminalSeq && p.time.equals(time)
                && p.balanceBefore.equals(balanceBefore) && p.record.equals(record);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(appSerial) * 31 + offlineSeq;
    }

    /** Masks the card number. */
    @Override
    public String toString() {
        return "PendingDebit[serial " + Hex.of(appSerial) + ", card " + CardNumbers.mask(cardNumber) + ", seq "
                + offlineSeq + ", amount " + amount + ", terminal " + terminalId + "/" + terminalSeq + "]";
    }
}
