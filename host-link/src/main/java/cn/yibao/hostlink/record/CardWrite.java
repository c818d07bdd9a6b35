package cn.yibao.hostlink.record;

import cn.yibao.card.Money;
import cn.yibao.card.crypto.Algorithm;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the issuer needs to check a card's TAC: the purse transaction the card performed, as the
 * terminal journaled it before the command and the card's TAC after it.
 *
 * @param kind             purchase (TTI 06) or load (TTI 02); never {@link ProofKind#NONE}
 * @param algorithm        the purse algorithm (selects the issuer's keys)
 * @param counter          the card's counter used: offline counter (purchase) or online counter (load), 0–65535
 * @param amountFen        amount debited (purchase) or credited (load), in fen
 * @param balanceBeforeFen the purse balance before the transaction, in fen
 * @param psamTerminalId   the PSAM's terminal id, 12 digits
 * @param psamSeq          the PSAM's terminal transaction sequence (purchase; 0 for a load)
 * @param time             the card transaction's date and time (seconds)
 * @param cardRecord       the 23-byte settlement record written with a purchase, or empty
 * @param tac              the card's transaction authentication code, 4 bytes
 */
public record CardWrite(ProofKind kind, Algorithm algorithm, int counter, long amountFen, long balanceBeforeFen,
                        String psamTerminalId, long psamSeq, LocalDateTime time, byte[] cardRecord, byte[] tac) {

    /** How {@link #time} is written in the canonical bytes and the upload. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    /** Length of the settlement record a purchase may write. */
    public static final int RECORD_LENGTH = 23;
    private static final Pattern PSAM_ID = Pattern.compile("[0-9]{12}");

    public CardWrite {
        if (kind == null || kind == ProofKind.NONE || algorithm == null) {
            throw new IllegalArgumentException("a card write is a purchase or a load with its algorithm");
        }
        if (counter < 0 || counter > 0xFFFF || psamSeq < 0 || psamSeq > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("card counter or PSAM sequence out of range");
        }
        if (amountFen < 0 || amountFen > Money.MAX_FEN || balanceBeforeFen < 0 || balanceBeforeFen > Money.MAX_FEN) {
            throw new IllegalArgumentException("amount out of range");
        }
        if (psamTerminalId == null || !PSAM_ID.matcher(psamTerminalId).matches()) {
            throw new IllegalArgumentException("PSAM terminal id must be 12 digits");
        }
        Objects.requireNonNull(time, "time");
        if (time.getNano() != 0 || time.getYear() < 2000 || time.getYear() > 2099) {
            throw new IllegalArgumentException("card time must be whole seconds in 2000–2099");
        }
        if (cardRecord == null || (cardRecord.length != 0 && (cardRecord.length != RECORD_LENGTH
                || kind == ProofKind.LOAD))) {
            throw new IllegalArgumentException("card record must be empty or 23 bytes (purchase only)");
        }
        if (tac == null || tac.length != 4) {
            throw new IllegalArgumentException("TAC must be 4 bytes");
        }
        cardRecord = cardRecord.clone();
        tac = tac.clone();
    }

    @Override
    public byte[] cardRecord() {
        return cardRecord.clone();
    }

    @Override
    public byte[] tac() {
        return tac.clone();
    }

    /** @return a copy carrying another TAC (tests: a forged TAC) */
    public CardWrite withTac(byte[] otherTac) {
        return new CardWrite(kind, algorithm, counter, amountFen, balanceBeforeFen, psamTerminalId, psamSeq, time,
                cardRecord, otherTac);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardWrite w && w.kind == kind && w.algorithm == algorithm && w.counter == counter
                && w.amountFen == amountFen && w.balanceBeforeFen == balanceBeforeFen
                && w.psamTerminalId.equals(psamTerminalId) && w.psamSeq == psamSeq && w.time.equals(time)
                && Arrays.equals(w.cardRecord, cardRecord) && Arrays.equals(w.tac, tac);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + counter) * 31 + Arrays.hashCode(tac);
    }

    @Override
    public String toString() {
        return "CardWrite[" + kind + " " + algorithm + " #" + counter + " " + amountFen + " fen, PSAM " + psamTerminalId
                + "/" + psamSeq + " " + TIME.format(time) + ", TAC " + HexFormat.of().formatHex(tac) + "]";
    }
}
