package cn.yibao.hostlink.saf;

import cn.yibao.hostlink.record.UploadedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link ForwardJournal} in memory (tests, load generator). Thread-safe. */
public final class InMemoryJournal implements ForwardJournal {

    private final ConcurrentSkipListMap<Long, UploadedRecord> records = new ConcurrentSkipListMap<>();
    private final AtomicLong acked = new AtomicLong();

    /** Appends the next record; its sequence number must follow the head. */
    public synchronized void append(UploadedRecord r) {
        long expected = headSeq() + 1;
        if (r.record().seq() != expected) {
            throw new IllegalArgumentException("expected sequence " + expected + ", got " + r.record().seq());
        }
        records.put(r.record().seq(), r);
    }

    @Override
    public List<UploadedRecord> after(long afterSeq, int max) {
        List<UploadedRecord> out = new ArrayList<>(Math.min(max, 1024));
        for (UploadedRecord r : records.tailMap(afterSeq, false).values()) {
            if (out.size() >= max) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    @Override
    public long headSeq() {
        return records.isEmpty() ? 0 : records.lastKey();
    }

    @Override
    public long ackedSeq() {
        return acked.get();
    }

    @Override
    public void acknowledge(long seq) {
        acked.accumulateAndGet(seq, Math::max);
    }
}
