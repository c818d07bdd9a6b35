package cn.yibao.terminal.cardlist;

import java.util.Objects;

/**
 * A card on this counter's copy of the host's lists.
 *
 * @param cardNo     the identifier the host lists (the card's application serial, 16 hex digits,
 *                   as in the signed records' card proof; or its card number)
 * @param status     LOST or BLACKLISTED
 * @param reportedAt when the host says it was listed ({@code yyyy-MM-dd HH:mm:ss}, China time)
 * @param version    the list version that listed it
 */
public record Listing(String cardNo, ListStatus status, String reportedAt, long version) {

    public Listing {
        Objects.requireNonNull(cardNo, "cardNo");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (status == null || status == ListStatus.CLEARED) {
            throw new IllegalArgumentException("a listing is LOST or BLACKLISTED");
        }
    }
}
