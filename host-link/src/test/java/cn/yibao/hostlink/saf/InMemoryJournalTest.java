package cn.yibao.hostlink.saf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.record.TestSettlements;
import cn.yibao.hostlink.tls.Crypto;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryJournalTest {

    private final RecordSigner signer = new RecordSigner("J1", Crypto.sm2().getPrivate(), 0, null);
    private UploadedRecord next(int i) {
        return TestSettlements.next(signer, "M" + i, "00000000000000C1", i, 100 * i, false, Instant.now());
    }

    @Test
    void batchesComeInSequenceOrderAfterTheCursor() {
        InMemoryJournal j = new InMemoryJournal();
        for (int i = 1; i <= 5; i++) {
            j.append(next(i));
        }
        List<UploadedRecord> b = j.after(j.ackedSeq(), 2);
        assertEquals(List.of(1L, 2L), b.stream().map(r -> r.record().seq()).toList());
        j.acknowledge(2);
        assertEquals(List.of(3L, 4L, 5L), j.after(j.ackedSeq(), 10).stream().map(r -> r.record().seq()).toList());
    }

    @Test
    void cursorNeverMovesBack() {
        InMemoryJournal j = new InMemoryJournal();
        j.acknowledge(7);
        j.acknowledge(3);
        assertEquals(7, j.ackedSeq());
    }

    @Test
    void appendMustFollowTheHead() {
        InMemoryJournal j = new InMemoryJournal();
        next(1);
        assertThrows(IllegalArgumentException.class, () -> j.append(next(2)));
    }
}
