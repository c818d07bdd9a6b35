package cn.yibao.hostlink.saf;

import cn.yibao.hostlink.record.UploadedRecord;
import java.util.List;

/**
 * The terminal's journal as store-and-forward sees it: records numbered 1, 2, 3, … and an
 * upload cursor (the highest sequence the host acknowledged). The terminal's SQLite journal
 * implements this; {@link InMemoryJournal} serves tests and the load generator.
 */
public interface ForwardJournal {

    /** @return up to {@code max} records with sequence numbers above {@code afterSeq}, in sequence order */
    List<UploadedRecord> after(long afterSeq, int max);

    /** @return the highest sequence number in the journal (0 if empty) */
    long headSeq();

    /** @return the upload cursor: the highest sequence the host has acknowledged (0 if none) */
    long ackedSeq();

    /**
     * Moves the upload cursor to {@code seq} (durably, before returning). Called only with the
     * host's acknowledgement; a value at or below the cursor is ignored.
     */
    void acknowledge(long seq);
}
