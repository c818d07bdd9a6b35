package cn.yibao.terminal.policy;

import cn.yibao.card.Money;
import java.util.List;

/**
 * One band of a banded rate: it covers amounts from the previous band's upper bound (or zero) up
 * to {@code upTo}; a {@code null} upper bound means unbounded. Amounts beyond the last band are
 * not paid.
 *
 * @param upTo upper bound of the band, or {@code null}
 * @param rate rate paid inside the band
 */
public record Tier(Money upTo, Rate rate) {

    public Tier {
        if (rate == null) {
            throw new IllegalArgumentException("rate: missing");
        }
        if (upTo != null && upTo.isNegative()) {
            throw new IllegalArgumentException("up_to: must not be negative");
        }
    }

    /** @return the band's upper bound in fen, {@link Long#MAX_VALUE} when unbounded */
    public long upToFen() {
        return upTo == null ? Long.MAX_VALUE : upTo.fen();
    }

    /** Checks that the bands are strictly ascending and only the last is unbounded; returns a copy. */
    static List<Tier> ascending(String field, List<Tier> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            throw new IllegalArgumentException(field + ": at least one band is required");
        }
        long previous = 0;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (tier.upTo() == null && i != tiers.size() - 1) {
                throw new IllegalArgumentException(field + "[" + i + "].up_to: only the last band may be unbounded");
            }
            if (tier.upToFen() <= previous) {
                throw new IllegalArgumentException(field + "[" + i + "].up_to: bands must be strictly ascending");
            }
            previous = tier.upToFen();
        }
        return List.copyOf(tiers);
    }
}
