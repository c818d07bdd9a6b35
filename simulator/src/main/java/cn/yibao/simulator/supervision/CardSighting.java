package cn.yibao.simulator.supervision;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A lost or blacklisted card presented at a counter and refused there, as the terminal reported it
 * to the host at once (9121): the attempt itself, which no settlement records (盗刷, 冒名).
 *
 * @param fixmedinsCode the institution whose counter saw it
 * @param card          the card
 * @param status        LOST or BLACKLISTED, as the counter saw it
 * @param source        CARD (the card's own state) or LIST (the counter's copy of the host's list)
 * @param seenAt        when the card was presented
 * @param listedAt      when the host had listed the card, as its list said when the report
 *                      arrived, or {@code null} if the host did not list it
 */
public record CardSighting(String fixmedinsCode, CardRef card, String status, String source, LocalDateTime seenAt,
        LocalDateTime listedAt) {

    private static final List<String> STATUSES = List.of("LOST", "BLACKLISTED");
    private static final List<String> SOURCES = List.of("CARD", "LIST");

    public CardSighting {
        Codes.requireInstitution(fixmedinsCode, "fixmedins_code");
        Objects.requireNonNull(card, "card");
        if (!STATUSES.contains(status) || !SOURCES.contains(source)) {
            throw new IllegalArgumentException("status must be LOST or BLACKLISTED, source CARD or LIST");
        }
        Objects.requireNonNull(seenAt, "seenAt");
    }

    /** @return whether the card was presented after the host had listed it (the centre's loss from then on) */
    public boolean afterListing() {
        return listedAt != null && !seenAt.isBefore(listedAt);
    }
}
