package cn.yibao.simulator.counter;

/** What the counter benchmarks share: quantiles of sorted timings. */
public final class Benches {

    private Benches() {
    }

    /** @return the {@code q} quantile (0..1] of {@code sorted} nanoseconds */
    public static long quantile(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
}
