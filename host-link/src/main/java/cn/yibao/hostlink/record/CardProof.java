package cn.yibao.hostlink.record;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The card's proof of a purse debit: the card number, its transaction counter, the amount debited
 * from the personal account in fen and the 4-byte TAC the card computed over them.
 *
 * @param cardNo  card number (1–32 of {@code [0-9A-Z]})
 * @param counter the card's online/offline transaction counter (0–65535)
 * @param debitFen amount debited from the personal account, in fen (≥ 0)
 * @param tac     transaction authentication code, 4 bytes
 */
public record CardProof(String cardNo, int counter, long debitFen, byte[] tac) {

    private static final Pattern CARD_NO = Pattern.compile("[0-9A-Z]{1,32}");

    public CardProof {
        if (cardNo == null || !CARD_NO.matcher(cardNo).matches()) {
            throw new IllegalArgumentException("bad card number");
        }
        if (counter < 0 || counter > 0xFFFF) {
            throw new IllegalArgumentException("card counter out of range");
        }
        if (debitFen < 0 || debitFen > cn.yibao.card.Money.MAX_FEN) {
            throw new IllegalArgumentException("debit out of range");
        }
        if (tac == null || tac.length != 4) {
            throw new IllegalArgumentException("TAC must be 4 bytes");
        }
        tac = tac.clone();
    }

    @Override
    public byte[] tac() {
        return tac.clone();
    }

    /** @return the card number with all but the last four characters masked, for logs */
    public String maskedCardNo() {
        int keep = Math.min(4, cardNo.length());
        return "*".repeat(cardNo.length() - keep) + cardNo.substring(cardNo.length() - keep);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardProof p && p.cardNo.equals(cardNo) && p.counter == counter && p.debitFen == debitFen
                && Arrays.equals(p.tac, tac);
    }

    @Override
    public int hashCode() {
        return (cardNo.hashCode() * 31 + counter) * 31 + Arrays.hashCode(tac);
    }

    @Override
    public String toString() {
        return "CardProof[" + maskedCardNo() + " #" + counter + " " + debitFen + " fen]";
    }
}
