package cn.yibao.terminal.counter.live;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.StoredRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite journal as store-and-forward sees it: signed records in sequence order after the
 * upload cursor, and the cursor moved (durably) only by the host's acknowledgement.
 */
public final class JournalUpload implements cn.yibao.hostlink.saf.ForwardJournal {

    private final Journal journal;

    public JournalUpload(Journal journal) {
        this.journal = journal;
    }

    @Override
    public List<UploadedRecord> after(long afterSeq, int max) {
        List<UploadedRecord> out = new ArrayList<>();
        for (StoredRecord r : journal.records().after(afterSeq, max)) {
            JsonNode body;
            try {
                body = Json.parse(r.body());
            } catch (MalformedMessageException e) {
                throw new UncheckedIOException("journal record " + r.seq() + " is unreadable",
                        new IOException(e.getMessage(), e));
            }
            out.add(UploadedRecord.fromJson(body));
        }
        return out;
    }

    @Override
    public long headSeq() {
        return journal.records().head().nextSeq() - 1;
    }

    @Override
    public long ackedSeq() {
        return journal.uploads().ackedSeq();
    }

    @Override
    public void acknowledge(long seq) {
        if (seq > journal.uploads().ackedSeq()) {
            journal.uploads().acknowledge(seq);
        }
    }
}
