package cn.yibao.hostlink.record;

import cn.yibao.card.crypto.Algorithm;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.MalformedMessageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The card's part of a record: the card (its application serial, in hex: what the host keys
 * accounts and replays on) and, when the card was written, the purse transaction with its TAC.
 * A sale paid without the personal account does not write the card: its proof says so explicitly
 * ({@link ProofKind#NONE}, no TAC) and the host verifies no TAC for it.
 *
 * @param cardNo the card's application serial in hex (1–32 of {@code [0-9A-Z]}; 16 hex digits when written)
 * @param write  the purse transaction, empty for "no card proof"
 */
public record CardProof(String cardNo, Optional<CardWrite> write) {

    private static final Pattern CARD_NO = Pattern.compile("[0-9A-Z]{1,32}");
    private static final Pattern SERIAL = Pattern.compile("[0-9A-F]{16}");
    private static final HexFormat HEX = HexFormat.of();

    public CardProof {
        if (cardNo == null || !CARD_NO.matcher(cardNo).matches()) {
            throw new IllegalArgumentException("bad card number");
        }
        Objects.requireNonNull(write, "write");
        if (write.isPresent() && !SERIAL.matcher(cardNo).matches()) {
            throw new IllegalArgumentException("a written card is named by its 8-byte application serial in hex");
        }
    }

    /** @return "no card proof": the card {@code cardNo} was not written */
    public static CardProof none(String cardNo) {
        return new CardProof(cardNo, Optional.empty());
    }

    /** @return the proof of a purse transaction on card {@code appSerialHex} */
    public static CardProof written(String appSerialHex, CardWrite write) {
        return new CardProof(appSerialHex, Optional.of(write));
    }

    /** @return what the card wrote */
    public ProofKind kind() {
        return write.map(CardWrite::kind).orElse(ProofKind.NONE);
    }

    /** @return the amount the card's purse paid (a purchase's debit), 0 when it paid nothing */
    public long purseDebitFen() {
        return write.filter(w -> w.kind() == ProofKind.PURCHASE).map(CardWrite::amountFen).orElse(0L);
    }

    /** @return the card number with all but the last four characters masked, for logs */
    public String maskedCardNo() {
        int keep = Math.min(4, cardNo.length());
        return "*".repeat(cardNo.length() - keep) + cardNo.substring(cardNo.length() - keep);
    }

    /**
     * Writes the canonical bytes: card number, the TTI byte (0 for none), then for a written card
     * algorithm, counter (4), amount (8), balance before (8), PSAM terminal id, PSAM sequence (8),
     * card time ({@code yyyyMMddHHmmss}), card record and TAC (each length-prefixed).
     */
    void writeCanonical(DataOutputStream out) throws IOException {
        string(out, cardNo);
        out.writeByte(kind().tti());
        if (write.isEmpty()) {
            return;
        }
        CardWrite w = write.get();
        string(out, w.algorithm().name());
        out.writeInt(w.counter());
        out.writeLong(w.amountFen());
        out.writeLong(w.balanceBeforeFen());
        string(out, w.psamTerminalId());
        out.writeLong(w.psamSeq());
        string(out, CardWrite.TIME.format(w.time()));
        bytes(out, w.cardRecord());
        bytes(out, w.tac());
    }

    static void string(DataOutputStream out, String s) throws IOException {
        bytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    /** @return the upload form of the proof ({@code card_proof}) */
    public ObjectNode toJson() {
        ObjectNode n = Json.object().put("kind", kind().name());
        write.ifPresent(w -> n.put("algorithm", w.algorithm().name()).put("counter", w.counter())
                .put("amount_fen", w.amountFen()).put("balance_before_fen", w.balanceBeforeFen())
                .put("psam_terminal_id", w.psamTerminalId()).put("psam_seq", w.psamSeq())
                .put("time", CardWrite.TIME.format(w.time())).put("card_record", HEX.formatHex(w.cardRecord()))
                .put("tac", HEX.formatHex(w.tac())));
        return n;
    }

    /** Reads {@link #toJson}'s form for card {@code cardNo}; throws {@link MalformedMessageException}. */
    public static CardProof fromJson(String cardNo, JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new MalformedMessageException("missing card_proof");
        }
        try {
            ProofKind kind = ProofKind.valueOf(Json.text(n, "kind", 10));
            if (kind == ProofKind.NONE) {
                if (n.size() != 1) {
                    throw new MalformedMessageException("a NONE card proof carries nothing else");
                }
                return none(cardNo);
            }
            CardWrite w = new CardWrite(kind, Algorithm.valueOf(Json.text(n, "algorithm", 8)),
                    Math.toIntExact(Json.integer(n, "counter")), Json.integer(n, "amount_fen"),
                    Json.integer(n, "balance_before_fen"), Json.text(n, "psam_terminal_id", 12),
                    Json.integer(n, "psam_seq"), LocalDateTime.parse(Json.text(n, "time", 14), CardWrite.TIME),
                    HEX.parseHex(Json.text(n, "card_record", 2 * CardWrite.RECORD_LENGTH)),
                    HEX.parseHex(Json.text(n, "tac", 8)));
            return written(cardNo, w);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
            throw new MalformedMessageException("bad card_proof: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CardProof[" + maskedCardNo() + " " + write.map(CardWrite::toString).orElse("no card proof") + "]";
    }
}
