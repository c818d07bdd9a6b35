package cn.yibao.hostlink.msg;

import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.app.LoadInit;
import cn.yibao.card.session.PendingLoad;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The {@code load} object of a cancellation (2208/2103/2305): the card's INITIALIZE FOR LOAD answer
 * for the refund of the account share, and the time the terminal will write with CREDIT FOR LOAD.
 * The host answers {@code load_mac2} (8 hex digits) if it authorises the load.
 *
 * @param load the load initialised on the card
 * @param time the credit time (seconds)
 */
public record RefundLoad(PendingLoad load, LocalDateTime time) {

    /** The field of a cancellation's output that carries the host's MAC2. */
    public static final String MAC2_FIELD = "load_mac2";

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    public RefundLoad {
        Objects.requireNonNull(load, "load");
        time = Objects.requireNonNull(time, "time").withNano(0);
    }

    /** @return the JSON object sent to the host */
    public ObjectNode toJson() {
        return Json.object().put("app_serial", HEX.formatHex(load.appSerial())).put("amount_fen", load.amount().fen())
                .put("terminal_id", load.terminalId()).put("init", HEX.formatHex(load.init().encode()))
                .put("time", time.toString());
    }

    /**
     * Reads the object written by {@link #toJson}, bounding every field.
     *
     * @throws MalformedMessageException if it is not one
     */
    public static RefundLoad fromJson(JsonNode n) {
        try {
            String serial = text(n, "app_serial", 16);
            String terminal = text(n, "terminal_id", 12);
            String init = text(n, "init", 2 * LoadInit.LENGTH);
            long fen = n.path("amount_fen").asLong(-1);
            if (fen <= 0 || fen > Money.MAX_FEN) {
                throw new IllegalArgumentException("amount_fen");
            }
            return new RefundLoad(new PendingLoad(HEX.parseHex(serial), Money.ofFen(fen), terminal,
                    LoadInit.parse(HEX.parseHex(init))), LocalDateTime.parse(text(n, "time", 32)));
        } catch (IllegalArgumentException | DateTimeParseException | CardException e) {
            throw new MalformedMessageException("bad load: " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field, int max) {
        String s = n.path(field).asText("");
        if (s.isEmpty() || s.length() > max) {
            throw new IllegalArgumentException(field);
        }
        return s;
    }
}
