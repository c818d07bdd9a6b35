package cn.yibao.terminal.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    private Journal open() {
        return Journal.open(dir.resolve("journal.db"), Clock.systemUTC());
    }

    static StoredRecord sign(ChainHead head, String msgid) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(head.prevHash());
            byte[] body = (head.nextSeq() + "|" + msgid).getBytes(StandardCharsets.UTF_8);
            return new StoredRecord(head.nextSeq(), msgid, sha.digest(body), body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static long sale(Journal j, String msgid) {
        long id = j.transactions().begin(msgid, TxnKind.SALE, "2201********1234", "0000000000000001", "{\"items\":[]}");
        j.transactions().preSettled(id, "{\"setlinfo\":{}}", Money.parseYuan("12.50"), "{}");
        j.transactions().debitSent(id, 7, "{}");
        j.transactions().debited(id, "A1B2C3D4");
        j.transactions().commit(id, head -> sign(head, msgid));
        return id;
    }

    @Test
    void aSaleGoesThroughEveryStateAndItsRecordChains() {
        try (Journal j = open()) {
            long first = sale(j, "M1");
            long second = sale(j, "M2");
            JournalTxn t = j.queries().find(first).orElseThrow();
            assertEquals(TxnState.COMMITTED, t.state());
            assertEquals(Optional.of(7), t.cardCounter());
            assertEquals(Optional.of("A1B2C3D4"), t.tac());
            assertEquals(1250, t.accountPay().fen());
            List<StoredRecord> records = j.records().after(0, 10);
            assertEquals(2, records.size());
            assertEquals(1, records.get(0).seq());
            assertEquals(2, records.get(1).seq());
            assertEquals(new ChainHead(3, records.get(1).hash()), j.records().head());
            assertEquals(TxnState.COMMITTED, j.queries().find(second).orElseThrow().state());
            assertTrue(j.queries().unfinished().isEmpty());
        }
    }

    @Test
    void illegalStateChangesAreRefusedAndChangeNothing() {
        try (Journal j = open()) {
            long id = j.transactions().begin("M1", TxnKind.SALE, "x", "s", "{}");
            assertThrows(JournalException.class, () -> j.transactions().debited(id, "00"));
            assertThrows(JournalException.class, () -> j.transactions().debitSent(id, 1, "{}"));
            j.transactions().preSettled(id, "{}", Money.ZERO, "{}");
            j.transactions().voided(id, "customer left");
            assertThrows(JournalException.class, () -> j.transactions().commit(id, head -> sign(head, "M1")));
            assertEquals(TxnState.VOIDED, j.queries().find(id).orElseThrow().state());
            assertEquals(new ChainHead(1, new byte[0]), j.records().head());
        }
    }

    @Test
    void aDuplicateMsgidIsRefused() {
        try (Journal j = open()) {
            j.transactions().begin("M1", TxnKind.SALE, "x", "s", "{}");
            assertThrows(JournalException.class, () -> j.transactions().begin("M1", TxnKind.SALE, "x", "s", "{}"));
        }
    }

    @Test
    void aFailingSignerLeavesTheTransactionUncommittedAndTheChainUnchanged() {
        try (Journal j = open()) {
            long id = j.transactions().begin("M1", TxnKind.SALE, "x", "s", "{}");
            j.transactions().preSettled(id, "{}", Money.ZERO, "{}");
            assertThrows(JournalException.class, () -> j.transactions().commit(id, head -> {
                throw new IllegalStateException("signing key unavailable");
            }));
            assertEquals(TxnState.PRE_SETTLED, j.queries().find(id).orElseThrow().state());
            assertThrows(JournalException.class,
                    () -> j.transactions().commit(id, head -> sign(new ChainHead(5, new byte[0]), "M1")));
            assertEquals(new ChainHead(1, new byte[0]), j.records().head());
        }
    }

    @Test
    void stateSurvivesReopeningAndUnfinishedTransactionsAreListed() {
        long id;
        try (Journal j = open()) {
            sale(j, "M1");
            id = j.transactions().begin("M2", TxnKind.SALE, "x", "s", "{}");
            j.transactions().preSettled(id, "{}", Money.parseYuan("3"), "{}");
            j.transactions().debitSent(id, 9, "{}");
        }
        try (Journal j = open()) {
            List<JournalTxn> unfinished = j.queries().unfinished();
            assertEquals(1, unfinished.size());
            assertEquals(id, unfinished.get(0).id());
            assertEquals(TxnState.DEBIT_SENT, unfinished.get(0).state());
            assertEquals(Optional.of(9), unfinished.get(0).cardCounter());
            assertEquals(2, j.records().head().nextSeq());
        }
    }

    @Test
    void theUploadCursorMovesOnlyForwardAndNeverPastTheLastRecord() {
        try (Journal j = open()) {
            sale(j, "M1");
            sale(j, "M2");
            assertEquals(0, j.uploads().ackedSeq());
            j.uploads().acknowledge(2);
            j.uploads().acknowledge(1);
            assertEquals(2, j.uploads().ackedSeq());
            assertThrows(JournalException.class, () -> j.uploads().acknowledge(3));
            assertEquals(List.of(), j.records().after(j.uploads().ackedSeq(), 10));
        }
    }

    @Test
    void theFileIsOwnerOnlyAndInWalModeWithFullSync() throws Exception {
        try (Journal j = open()) {
            sale(j, "M1");
        }
        Path file = dir.resolve("journal.db");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var s = c.createStatement()) {
            try (var rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            try (var rs = s.executeQuery("SELECT body FROM record WHERE seq = 1")) {
                rs.next();
                assertArrayEquals("1|M1".getBytes(StandardCharsets.UTF_8), rs.getBytes(1));
            }
        }
    }
}
