package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.tls.CertificateAuthority;
import cn.yibao.hostlink.tls.Pem;
import cn.yibao.terminal.audit.AuditReport;
import cn.yibao.terminal.audit.AuditFinding;
import cn.yibao.terminal.audit.JournalAudit;
import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.cli.TerminalMain;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.policy.PolicyPacks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An auditor checks a terminal's journal with {@code terminal journal verify}: an honest journal of
 * three live sales passes; each way an operator with the disk could tamper with it is named, with
 * the record it hit.
 */
class JournalAuditTest {

    @TempDir
    Path dir;

    private Path journal;
    private X509Certificate signing;
    private X509Certificate ca;
    private Path keys;

    @BeforeEach
    void threeSales() throws Exception {
        keys = dir.resolve("terminal/host-link");
        try (HostedCounter host = new HostedCounter(dir.resolve("host"), keys);
             CounterFixture f = new CounterFixture(dir.resolve("terminal"), "employee", PolicyPacks.changchun2010(),
                     Clock.systemUTC(), host.credentials().signingKey())) {
            for (int i = 1; i <= 3; i++) {
                f.counter.settlePharmacy(OfflineGateTest.sale(f), Pin.ofNullable("123456"), "A-" + i);
            }
            journal = f.journal.file();
            signing = host.credentials().signingCertificate();
        }
        ca = Pem.readCertificate(keys.resolve(CertificateAuthority.CA_CERT));
    }

    @Test
    void anHonestJournalPassesOnTheCommandLine() {
        String out = verify(0, "--certificate", keys.resolve("sign.crt").toString());
        assertTrue(out.contains("records: 3 (seq 1..3), acknowledged by the host up to 0"), out);
        assertTrue(out.contains("transactions: COMMITTED 3"), out);
        assertTrue(out.contains("result: OK"), out);
    }

    @Test
    void theCommandLineFailsAndListsWhatItFound() throws Exception {
        sql("DELETE FROM record WHERE seq = 2");
        String out = verify(1);
        assertTrue(out.contains("SEQUENCE_GAP at seq 3 (msgid A-3): expected seq 2"), out);
        assertTrue(out.contains("RECORD_MISSING (msgid A-2)"), out);
        assertTrue(out.contains("result: FAILED"), out);
    }

    @Test
    void anEditedRecordIsAltered() throws Exception {
        edit(2, r -> r.put("time", r.path("time").asLong() + 1));
        assertFirst("RECORD_ALTERED", 2);
    }

    @Test
    void anEditedRecordWithItsHashesRecomputedHasNoValidSignature() throws Exception {
        byte[][] hash = new byte[1][];
        edit(2, r -> {
            r.put("time", r.path("time").asLong() + 1);
            hash[0] = UploadedRecord.fromJson(r).record().hash();
            return r.put("hash", HexFormat.of().formatHex(hash[0]));
        });
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("UPDATE record SET hash = ? WHERE seq = 2")) {
            s.setBytes(1, hash[0]);
            assertEquals(1, s.executeUpdate());
        }
        AuditReport r = audit();
        assertEquals(List.of("SIGNATURE_INVALID@2", "CHAIN_BROKEN@3"),
                r.findings().stream().map(f -> f.code() + "@" + f.seq()).toList());
    }

    @Test
    void aSignatureTakenFromAnotherRecordIsInvalid() throws Exception {
        String other = Json.parse(body(1)).path("signature").asText();
        edit(2, r -> r.put("signature", other));
        assertFirst("SIGNATURE_INVALID", 2);
    }

    @Test
    void swappedRecordsNoLongerMatchTheirRows() throws Exception {
        byte[] second = body(2);
        byte[] third = body(3);
        setBody(2, third);
        setBody(3, second);
        assertFirst("RECORD_ALTERED", 2);
    }

    @Test
    void aRemovedLastRecordLeavesItsSettlementWithoutRecord() throws Exception {
        sql("DELETE FROM record WHERE seq = 3");
        assertEquals(List.of("RECORD_MISSING"), codes(audit()));
    }

    @Test
    void aRecordWhoseSettlementWasVoidedIsNamed() throws Exception {
        sql("UPDATE txn SET state = 'VOIDED' WHERE msgid = 'A-1'");
        assertFirst("SETTLEMENT_MISSING", 1);
    }

    @Test
    void aCursorPastTheLastRecordIsNamed() throws Exception {
        sql("UPDATE upload_cursor SET acked_seq = 9");
        assertEquals(List.of("CURSOR_AHEAD"), codes(audit()));
    }

    @Test
    void aSigningCertificateFromAnotherAuthorityIsUntrusted() throws Exception {
        X509Certificate other = CertificateAuthority.loadOrCreate(dir.resolve("other-ca"), "Other CA").certificate();
        AuditReport r = JournalAudit.run(journal, signing, other);
        assertEquals(List.of("CERTIFICATE_UNTRUSTED"), codes(r));
    }

    /** Runs {@code terminal journal verify} on the journal, expecting {@code exit}; returns what it printed. */
    private String verify(int exit, String... more) {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine(new TerminalMain());
        cl.setOut(new PrintWriter(out));
        List<String> args = new ArrayList<>(List.of("journal", "verify", "--data-dir", dir.resolve("terminal").toString(),
                "--journal", journal.toString()));
        args.addAll(List.of(more));
        assertEquals(exit, cl.execute(args.toArray(String[]::new)), out.toString());
        return out.toString();
    }

    private void assertFirst(String code, long seq) throws Exception {
        AuditFinding first = audit().findings().get(0);
        assertEquals(code + "@" + seq, first.code() + "@" + first.seq(), first.toString());
    }

    private AuditReport audit() throws Exception {
        return JournalAudit.run(journal, signing, ca);
    }

    private static List<String> codes(AuditReport r) {
        return r.findings().stream().map(AuditFinding::code).toList();
    }

    private void edit(long seq, UnaryOperator<ObjectNode> change) throws Exception {
        ObjectNode r = (ObjectNode) Json.parse(body(seq));
        setBody(seq, Json.bytes(change.apply(r)));
    }

    private byte[] body(long seq) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT body FROM record WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }

    private void setBody(long seq, byte[] body) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("UPDATE record SET body = ? WHERE seq = ?")) {
            s.setBytes(1, body);
            s.setLong(2, seq);
            assertEquals(1, s.executeUpdate());
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db()) {
            assertEquals(1, c.createStatement().executeUpdate(statement), statement);
        }
    }

    private Connection db() throws SQLException {
        assertTrue(Files.isRegularFile(journal));
        return DriverManager.getConnection("jdbc:sqlite:" + journal);
    }
}
