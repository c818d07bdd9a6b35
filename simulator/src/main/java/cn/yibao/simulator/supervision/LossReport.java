package cn.yibao.simulator.supervision;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A loss report (挂失) registered at the host, and its cancellation (解挂) if the card was found.
 *
 * @param card        the card
 * @param reportedAt  when the holder reported the loss; from then on losses are the centre's
 * @param cancelledAt when the report was cancelled, or {@code null}
 */
public record LossReport(CardRef card, LocalDateTime reportedAt, LocalDateTime cancelledAt) {

    public LossReport {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (cancelledAt != null && !cancelledAt.isAfter(reportedAt)) {
            throw new IllegalArgumentException("cancellation must follow the report");
        }
    }

    /** @return whether the card stood reported lost at {@code time} */
    public boolean lostAt(LocalDateTime time) {
        return !time.isBefore(reportedAt) && (cancelledAt == null || time.isBefore(cancelledAt));
    }
}
