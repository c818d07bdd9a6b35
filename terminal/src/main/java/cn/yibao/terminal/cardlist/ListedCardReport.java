package cn.yibao.terminal.cardlist;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The report to the host that a listed card was presented at this counter (9121): the host records
 * the sighting with the terminal, the time and the card.
 *
 * @param reportId the report's id, so that the host records a report sent twice once
 * @param cardNo   the card as the host lists it: its application serial (16 hex digits)
 * @param status   LOST or BLACKLISTED
 * @param source   where the counter saw the status: the card's own state or the host's list
 * @param seenAt   when the card was presented
 */
public record ListedCardReport(String reportId, String cardNo, ListStatus status, Source source, Instant seenAt) {

    /** Where the counter saw that the card is listed. */
    public enum Source {
        /** The card's own state (written on the card by the agency). */
        CARD,
        /** This counter's copy of the host's lists. */
        LIST
    }

    public ListedCardReport {
        if (reportId == null || reportId.isEmpty() || reportId.length() > 40) {
            throw new IllegalArgumentException("report id: 1 to 40 characters");
        }
        if (cardNo == null || !CardListChange.CARD_NO.matcher(cardNo).matches()) {
            throw new IllegalArgumentException("card_no must be 1 to 32 of [0-9A-Z]");
        }
        if (status == null || status == ListStatus.CLEARED) {
            throw new IllegalArgumentException("a report is for a LOST or BLACKLISTED card");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    /** @return a new report with a random id */
    public static ListedCardReport of(String cardNo, ListStatus status, Source source, Instant seenAt) {
        return new ListedCardReport(UUID.randomUUID().toString().replace("-", ""), cardNo, status, source, seenAt);
    }

    /** @return the 9121 input */
    public ObjectNode toJson() {
        return Json.object().put("report_id", reportId).put("card_no", cardNo).put("status", status.name())
                .put("source", source.name())
                .put("seen_at", LocalDateTime.ofInstant(seenAt, Request.ZONE).format(Request.TIME));
    }
}
