package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.record.CardProof;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.hostlink.tls.CertificateAuthority;
import cn.yibao.hostlink.tls.TerminalCredentials;
import cn.yibao.terminal.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a host transaction on PostgreSQL can meet another, driven on a real database: the
 * races the code expects are run again ({@link PostgresBackend}), everything else is answered at
 * once. The test's own connection plays the other transaction (another host instance's upload in
 * flight, a re-enrolment, a transaction locking accounts in the other order) and holds it open
 * until the host's transaction waits for it ({@code pg_locks}), so that the two really meet.
 */
class StoreRacesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    StoreLocation db;
    HostSimulator host;

    @BeforeEach
    void start() throws Exception {
        db = TestPostgres.newStore("store_races");
        host = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private Connection other() throws SQLException {
        Connection c = DriverManager.getConnection(db.jdbcUrl());
        c.setAutoCommit(false);
        return c;
    }

    /** @return whether some transaction of the database waits for a lock another holds */
    private boolean someoneWaits() {
        return host.store().inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM pg_locks WHERE NOT granted", 0)) > 0;
    }

    private CompletableFuture<Response> uploadAsync(HostSession s, List<UploadedRecord> batch) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return VirtualTerminal.upload(s, batch);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long held(String terminal) {
        return host.store().inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM record WHERE terminal=?", 0,
                terminal));
    }

    /** The record re-signed by its terminal with a TAC the card never made (fails step 9, after the chain). */
    private static UploadedRecord withForgedTac(VirtualTerminal t, UploadedRecord r) {
        CardProof p = r.record().proof();
        SignedRecord resigned = RecordSigner.sign(t.creds.signingKey(), r.record().withProof(
                CardProof.written(p.cardNo(), p.write().orElseThrow().withTac(new byte[] {1, 2, 3, 4}))));
        return UploadedRecord.of(resigned, r.items());
    }

    @Test
    void aRecordTakenByAnotherInstanceBetweenItsCheckAndItsInsertIsRunAgainAndAnsweredAsAReplay() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-RACE");
        UploadedRecord first = t.sign(1000);
        // the second record fails its TAC check: the batch is applied record by record (Ingest.exactly),
        // whose check of the first record's msgid and its insert are two statements
        UploadedRecord second = withForgedTac(t, t.sign(1000));
        try (HostSession s = t.session(host.port()); Connection other = other()) {
            // another instance's upload of another terminal, holding the same msgid, not yet committed
            try (PreparedStatement p = other.prepareStatement("INSERT INTO record(terminal, seq, hash, msgid, setl_id,"
                    + " card_no, time, policy_version, medfee, fund, acct, cash, result) VALUES('T-ELSEWHERE', 1,"
                    + " '\\x00', ?, 'S-ELSEWHERE', 'C-ELSEWHERE', 0, 'p', 0, 0, 0, 0, '{}')")) {
                p.setString(1, first.record().msgid());
                p.executeUpdate();
            }
            CompletableFuture<Response> answer = uploadAsync(s, List.of(first, second));
            Await.until(WAIT, this::someoneWaits, "the upload's insert waits for the other commit");
            other.commit();
            Response r = answer.get(60, TimeUnit.SECONDS);
            // run again, the check finds the msgid held: the refusal of step 7, not HOST_ERROR or STORE_UNAVAILABLE
            assertAll(() -> assertEquals("RECORD_REPLAYED", r.code(), r::errMsg),
                    () -> assertEquals(0, r.output().path("ack_seq").asLong()),
                    () -> assertEquals(0, held("T-RACE")));
        }
    }

    @Test
    void aRaceLostOnEveryAttemptStopsAtTheLimitAndIsAnsweredStoreUnavailable() {
        AtomicInteger runs = new AtomicInteger();
        HostStore.StoreException e = assertThrows(HostStore.StoreException.class, () -> host.store().inTransaction(c -> {
            runs.incrementAndGet();
            Sql.update(c, "INSERT INTO policy_pack(version, bytes, published_at) VALUES('lost', '\\x00', 0)");
            throw new HostStore.LostRace("always taken");
        }));
        assertAll(() -> assertEquals(PostgresBackend.MAX_ATTEMPTS, runs.get()),
                () -> assertTrue(e.rolledBack(), "answered STORE_UNAVAILABLE: nothing stored, send it again"),
                () -> assertEquals(0L, (long) host.store().inTransaction(c -> Sql.longValue(c,
                        "SELECT count(*) FROM policy_pack WHERE version='lost'", 0))));
    }

    @Test
    void aUniqueKeyViolationNobodyExpectsIsNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        HostStore.StoreException e = assertThrows(HostStore.StoreException.class, () -> host.store().inTransaction(c -> {
            runs.incrementAndGet();
            Sql.update(c, "INSERT INTO card_sighting(report_id, terminal, card_no, status, source, seen_at,"
                    + " received_at, host_status) VALUES('R1', 'T1', 'C1', 'LOST', 'CARD', 0, 0, '')");
            return Sql.update(c, "INSERT INTO card_sighting(report_id, terminal, card_no, status, source, seen_at,"
                    + " received_at, host_status) VALUES('R1', 'T1', 'C1', 'LOST', 'CARD', 0, 0, '')");
        }));
        assertAll(() -> assertEquals(1, runs.get()), () -> assertEquals("23505", e.sqlState()),
                () -> assertFalse(e.rolledBack() || e.unavailable(), "answered HOST_ERROR at once"));
    }

    @Test
    void aDeadlockBetweenTwoTransactionsIsRunAgainAndTheUploadTakenOnce() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-DEADLOCK");
        UploadedRecord a = t.sign(1000);
        UploadedRecord b = t.sign(2000);
        TreeSet<String> cards = new TreeSet<>(List.of(a.record().proof().cardNo(), b.record().proof().cardNo()));
        assertEquals(2, cards.size());
        host.store().inTransaction(c -> {
            for (String card : cards) {
                Ledger.ensure(c, card, "P" + card, "", Ledger.OPENING_BALANCE_FEN);
            }
            return null;
        });
        long deadlocks = host.store().inTransaction(c -> Sql.longValue(c,
                "SELECT deadlocks FROM pg_stat_database WHERE datname=current_database()", 0));
        try (HostSession s = t.session(host.port()); Connection other = other(); Statement st = other.createStatement()) {
            // this side never runs the deadlock check first: the host's transaction is the one rolled back
            st.execute("SET deadlock_timeout = '60s'");
            st.executeUpdate("UPDATE account SET balance=balance WHERE card_no='" + cards.last() + "'");
            // the upload posts the accounts in card order: it takes the first card, then waits for the last
            CompletableFuture<Response> answer = uploadAsync(s, List.of(a, b));
            Await.until(WAIT, this::someoneWaits, "the upload waits for the last card");
            // and this side now waits for the first: a deadlock, which the host's backend detects after 1 s
            st.executeUpdate("UPDATE account SET balance=balance WHERE card_no='" + cards.first() + "'");
            other.rollback();
            Response r = answer.get(60, TimeUnit.SECONDS);
            long acct = RecordResult.parse(a.record().result()).setlinfo("acct_pay").fen()
                    + RecordResult.parse(b.record().result()).setlinfo("acct_pay").fen();
            long debited = host.store().inTransaction(c -> Sql.longValue(c,
                    "SELECT sum(? - balance) FROM account", 0, Ledger.OPENING_BALANCE_FEN));
            long after = host.store().inTransaction(c -> Sql.longValue(c,
                    "SELECT deadlocks FROM pg_stat_database WHERE datname=current_database()", 0));
            assertAll(() -> assertTrue(r.ok(), () -> r.code() + " " + r.errMsg()),
                    () -> assertEquals(2, r.output().path("ack_seq").asLong()),
                    () -> assertTrue(after > deadlocks, "the two transactions did deadlock"),
                    () -> assertEquals(2, held("T-DEADLOCK")),
                    () -> assertEquals(acct, debited, "each account debited once"));
        }
    }

    @Test
    void aMsgidAnotherTerminalAlreadyUsedGetsItsOwnAnswer() throws Exception {
        VirtualTerminal ta = new VirtualTerminal(host, dir, "T-FIRST");
        VirtualTerminal tb = new VirtualTerminal(host, dir, "T-SECOND");
        UploadedRecord ra = ta.sign(5000);
        UploadedRecord rb = tb.sign(5000);
        try (HostSession sa = ta.session(host.port()); HostSession sb = tb.session(host.port())) {
            assertTrue(VirtualTerminal.upload(sa, List.of(ra)).ok());
            assertTrue(VirtualTerminal.upload(sb, List.of(rb)).ok());
            String setlA = RecordResult.parse(ra.record().result()).setlId();
            String setlB = RecordResult.parse(rb.record().result()).setlId();
            Response a = sa.call(sa.request(Infno.CANCEL, "SHARED-1", Json.object().put("setl_id", setlA)));
            // the same msgid from another terminal: another request, answered on its own (no retries, no HOST_ERROR)
            Response notFound = sb.call(sb.request(Infno.CANCEL, "SHARED-1", Json.object().put("setl_id", setlA)));
            Response b = sb.call(sb.request(Infno.CANCEL, "SHARED-2", Json.object().put("setl_id", setlB)));
            Response reversedA = sa.call(sa.request(Infno.REVERSAL, "SHARED-2", Json.object()
                    .put("omsgid", "SHARED-1").put("oinfno", "2208")));
            Response replayB = sb.call(sb.request(Infno.CANCEL, "SHARED-2", Json.object().put("setl_id", setlB)));
            assertAll(() -> assertTrue(a.ok(), a::code), () -> assertEquals(setlA, a.output().path("setl_id").asText()),
                    () -> assertEquals("SETTLEMENT_NOT_FOUND", notFound.code()),
                    () -> assertTrue(b.ok(), b::code), () -> assertEquals(setlB, b.output().path("setl_id").asText()),
                    () -> assertTrue(reversedA.ok(), reversedA::code),
                    () -> assertEquals(b, replayB, "B's own answer replayed"),
                    () -> assertEquals("OK", host.store().inTransaction(c -> statusOf(c, "T-FIRST"))),
                    () -> assertEquals("CANCELLED", host.store().inTransaction(c -> statusOf(c, "T-SECOND"))));
        }
    }

    private static String statusOf(Connection c, String terminal) throws SQLException {
        try (var rs = Sql.query(c, "SELECT status FROM record WHERE terminal=?", terminal)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    @Test
    void noStatementRunsAboveReadCommittedAndASerialisationFailureIsNotRunAgain() throws Exception {
        assertEquals("read committed", host.store().inTransaction(c -> {
            try (var rs = Sql.query(c, "SHOW transaction_isolation")) {
                return rs.next() ? rs.getString(1) : "";
            }
        }));
        host.store().inTransaction(c -> {
            Ledger.ensure(c, "C-SER", "P", "", 100);
            return null;
        });
        AtomicInteger runs = new AtomicInteger();
        HostStore.StoreException e = assertThrows(HostStore.StoreException.class, () -> host.store().inTransaction(c -> {
            runs.incrementAndGet();
            Sql.update(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            Ledger.of(c, "C-SER");
            try (Connection other = DriverManager.getConnection(db.jdbcUrl()); Statement st = other.createStatement()) {
                st.executeUpdate("UPDATE account SET balance=balance+1 WHERE card_no='C-SER'");
            }
            return Sql.update(c, "UPDATE account SET balance=balance-1 WHERE card_no='C-SER'");
        }));
        assertAll(() -> assertEquals("40001", e.sqlState()), () -> assertEquals(1, runs.get(), "not run again"),
                () -> assertTrue(e.rolledBack(), "answered STORE_UNAVAILABLE: nothing stored"));
    }

    @Test
    void aReEnrolmentRacingAnUploadRefusesTheRecordsSignedWithTheOldKey() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-REKEY");
        UploadedRecord old = t.sign(1000);
        Path fresh = dir.resolve("rekeyed");
        TerminalCredentials.request(fresh, "T-REKEY");
        byte[] newCert = TerminalCredentials.issue(CertificateAuthority.loadOrCreate(dir.resolve("ca2"), "test CA"),
                fresh, "T-REKEY").getEncoded();
        try (HostSession s = t.session(host.port()); Connection other = other()) {
            // the re-enrolment, through another instance: it holds the terminal's row until it commits
            try (PreparedStatement p = other.prepareStatement("UPDATE terminal SET sign_cert=? WHERE id='T-REKEY'")) {
                p.setBytes(1, newCert);
                assertEquals(1, p.executeUpdate());
            }
            // the upload reads the old key (the new one is not committed) and verifies its records with it
            CompletableFuture<Response> answer = uploadAsync(s, List.of(old));
            Await.until(WAIT, this::someoneWaits, "the upload waits for the terminal's row");
            other.commit();
            Response r = answer.get(60, TimeUnit.SECONDS);
            assertAll(() -> assertEquals("SIGNATURE_INVALID", r.code(), r::errMsg),
                    () -> assertEquals(0, held("T-REKEY")),
                    () -> assertEquals("SIGNATURE_INVALID", host.store().flagOf("T-REKEY")));
        }
    }
}
