package cn.yibao.terminal.counter.live;

import cn.yibao.card.CardNumbers;
import cn.yibao.card.Money;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.session.PendingDebit;
import cn.yibao.terminal.json.FileJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Writes a {@link PendingDebit} into the journal before the debit is sent, and reads it back for
 * recovery. The card number is stored masked: recovery identifies the card by its application serial.
 */
public final class PendingDebits {

    private static final ObjectMapper JSON = FileJson.mapper();
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private PendingDebits() {
    }

    /** @return the debit as compact JSON, card number masked */
    public static String toJson(PendingDebit d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("app_serial", HEX.formatHex(d.appSerial()));
        n.put("card_no", CardNumbers.mask(d.cardNumber()));
        n.put("algorithm", d.algorithm().name());
        n.put("offline_seq", d.offlineSeq());
        n.put("amount_fen", d.amount().fen());
        n.put("terminal_id", d.terminalId());
        n.put("terminal_seq", d.terminalSeq());
        n.put("time", d.time().toString());
        n.put("balance_before_fen", d.balanceBefore().fen());
        d.record().ifPresent(r -> n.put("record", HEX.formatHex(r.encode())));
        return n.toString();
    }

    /** @return the debit written by {@link #toJson} */
    public static PendingDebit fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            Optional<SettlementRecord> record = n.hasNonNull("record")
                    ? Optional.of(SettlementRecord.parse(HEX.parseHex(n.get("record").asText())))
                    : Optional.empty();
            return new PendingDebit(HEX.parseHex(n.get("app_serial").asText()), n.get("card_no").asText(),
                    Algorithm.valueOf(n.get("algorithm").asText()), n.get("offline_seq").asInt(),
                    Money.ofFen(n.get("amount_fen").asLong()), n.get("terminal_id").asText(),
                    n.get("terminal_seq").asLong(), LocalDateTime.parse(n.get("time").asText()),
                    Money.ofFen(n.get("balance_before_fen").asLong()), record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("journal holds an unreadable pending debit", e);
        }
    }
}
