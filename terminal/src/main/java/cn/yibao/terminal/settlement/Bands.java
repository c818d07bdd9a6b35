package cn.yibao.terminal.settlement;

/** Interval arithmetic on fen shared by all banded rules. */
final class Bands {

    private Bands() {
    }

    /** @return the length of the overlap of [lo, hi) and [a, b), zero if they do not overlap */
    static long overlap(long lo, long hi, long a, long b) {
        return Math.max(0, Math.min(hi, b) - Math.max(lo, a));
    }
}
