package cn.yibao.simulator.host;

import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.ForwardJournal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A virtual terminal's journal as store-and-forward sees it, timing each record from when
 * store-and-forward first read it for an upload to when the host's acknowledgement covered it:
 * the acknowledgement latency a counter sees (for uploads of one record, one upload's).
 */
public final class AckTimes implements ForwardJournal {

    private final ForwardJournal journal;
    private final Map<Long, Long> readAt = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private long acked;

    AckTimes(ForwardJournal journal) {
        this.journal = journal;
        this.acked = journal.ackedSeq();
    }

    @Override
    public List<UploadedRecord> after(long afterSeq, int max) {
        List<UploadedRecord> out = journal.after(afterSeq, max);
        long now = System.nanoTime();
        out.forEach(r -> readAt.putIfAbsent(r.record().seq(), now));
        return out;
    }

    @Override
    public long headSeq() {
        return journal.headSeq();
    }

    @Override
    public long ackedSeq() {
        return journal.ackedSeq();
    }

    @Override
    public void acknowledge(long seq) {
        long now = System.nanoTime();
        synchronized (this) {
            for (long s = acked + 1; s <= seq; s++) {
                Long t = readAt.remove(s);
                if (t != null) {
                    latencies.add(now - t);
                }
            }
            acked = Math.max(acked, seq);
        }
        journal.acknowledge(seq);
    }

    /** @return the latencies measured since the last call, in nanoseconds, sorted; and forgets them */
    public synchronized long[] take() {
        long[] out = latencies.stream().mapToLong(Long::longValue).toArray();
        latencies.clear();
        Arrays.sort(out);
        return out;
    }

    /** @return the {@code p}th percentile (0–100) of sorted {@code nanos}, in milliseconds */
    public static double percentileMillis(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(nanos.length - 1, Math.max(0, Math.ceil(p / 100 * nanos.length) - 1));
        return nanos[i] / 1e6;
    }
}
