package cn.yibao.terminal.audit;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.record.ChainView;
import cn.yibao.hostlink.record.ProofKind;
import cn.yibao.hostlink.record.RecordCheck;
import cn.yibao.hostlink.record.RecordVerifier;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.Sm3;
import cn.yibao.hostlink.record.SplitRecomputer;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.tls.Crypto;
import cn.yibao.hostlink.tls.Identities;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;

/**
 * An auditor's check of a terminal's journal file, opened read-only: the signing certificate was
 * issued by the host's CA; every signed record reads, matches its row, its declared hash and item
 * digest, and carries a valid SM2 signature under that certificate (the host's own steps 1–5, see
 * {@link RecordVerifier}); the records form one chain from the terminal's genesis with no gap; every
 * committed transaction has its record and every record a committed transaction.
 *
 * <p>What it cannot see: someone holding the terminal's signing key can re-sign an altered chain.
 * The host holds every acknowledged record, so such a rewrite shows against the host (3202).
 */
public final class JournalAudit {

    /** Most findings listed in a report (all are counted). */
    public static final int MAX_LISTED = 50;
    /** The signing certificate is not from the given CA, or not for record signing now. */
    public static final String CERTIFICATE_UNTRUSTED = "CERTIFICATE_UNTRUSTED";
    /** A committed transaction has no signed record. */
    public static final String RECORD_MISSING = "RECORD_MISSING";
    /** A signed record's transaction is not committed. */
    public static final String SETTLEMENT_MISSING = "SETTLEMENT_MISSING";
    /** The upload cursor is past the last record. */
    public static final String CURSOR_AHEAD = "CURSOR_AHEAD";

    private final List<AuditFinding> findings = new ArrayList<>();
    private long problems;

    private JournalAudit() {
    }

    /**
     * Audits {@code journalFile} against the terminal's record-signing certificate and the host's CA.
     *
     * @throws NoSuchFileException when there is no journal file
     * @throws SQLException        when the file is not a readable journal
     */
    public static AuditReport run(Path journalFile, X509Certificate signing, X509Certificate ca)
            throws NoSuchFileException, SQLException {
        if (!Files.isRegularFile(journalFile)) {
            throw new NoSuchFileException(journalFile.toString());
        }
        JournalAudit audit = new JournalAudit();
        String terminal = Identities.commonName(signing);
        audit.certificate(signing, ca);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection db = config.createConnection("jdbc:sqlite:" + journalFile.toAbsolutePath())) {
            long[] chain = audit.records(db, terminal, signing.getPublicKey());
            Map<String, Long> states = audit.transactions(db);
            long acked = single(db, "SELECT acked_seq FROM upload_cursor WHERE id = 1");
            if (acked > chain[1]) {
                audit.found(new AuditFinding(CURSOR_AHEAD, 0, "", "cursor at " + acked + ", last record " + chain[1]));
            }
            return new AuditReport(terminal, chain[0], chain[1], acked, states, audit.findings, audit.problems);
        }
    }

    private void certificate(X509Certificate signing, X509Certificate ca) {
        try {
            signing.verify(ca.getPublicKey(), Crypto.provider());
            signing.checkValidity(new Date());
        } catch (GeneralSecurityException e) {
            found(new AuditFinding(CERTIFICATE_UNTRUSTED, 0, "", "signing certificate " + signing.getSubjectX500Principal()
                    + " does not verify under CA " + ca.getSubjectX500Principal() + ": " + e.getMessage()));
        }
    }

    /** @return {records read, last seq} */
    private long[] records(Connection db, String terminal, PublicKey key) throws SQLException {
        RecordVerifier verifier = new RecordVerifier(keyOnly(terminal, key), r -> true, NOT_RECOMPUTED);
        byte[] prevHash = Sm3.genesis(terminal);
        long expected = 1;
        long count = 0;
        try (PreparedStatement s = db.prepareStatement("SELECT r.seq, r.msgid, r.hash, r.body, t.state FROM record r"
                + " LEFT JOIN txn t ON t.id = r.txn_id ORDER BY r.seq");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                count++;
                long seq = rs.getLong(1);
                String msgid = rs.getString(2);
                if (!"COMMITTED".equals(rs.getString(5))) {
                    found(new AuditFinding(SETTLEMENT_MISSING, seq, msgid, "transaction is " + rs.getString(5)));
                }
                boolean gap = seq != expected;
                if (gap) {
                    found(new AuditFinding(RecordCheck.SEQUENCE_GAP.name(), seq, msgid, "expected seq " + expected));
                }
                expected = seq + 1;
                UploadedRecord up = read(seq, msgid, rs.getBytes(4));
                if (up == null) {
                    prevHash = rs.getBytes(3);
                    continue;
                }
                SignedRecord r = up.record();
                if (r.seq() != seq || !r.msgid().equals(msgid) || !Arrays.equals(rs.getBytes(3), up.declaredHash())) {
                    found(new AuditFinding(RecordCheck.RECORD_ALTERED.name(), seq, msgid, "the row's seq, msgid or hash"
                            + " differ from the record's"));
                }
                RecordCheck check = verifier.authenticate(terminal, up);
                if (check != RecordCheck.ACCEPTED) {
                    found(new AuditFinding(check.name(), seq, msgid, check.text().en()));
                } else if (!gap && !Arrays.equals(r.prevHash(), prevHash)) {
                    found(new AuditFinding(RecordCheck.CHAIN_BROKEN.name(), seq, msgid,
                            "previous hash is not the hash of the record before"));
                }
                prevHash = r.hash();
            }
        }
        return new long[] {count, expected - 1};
    }

    private UploadedRecord read(long seq, String msgid, byte[] body) {
        try {
            return UploadedRecord.fromJson(Json.parse(body));
        } catch (MalformedMessageException e) {
            found(new AuditFinding(RecordCheck.RECORD_ALTERED.name(), seq, msgid, "unreadable: " + e.getMessage()));
            return null;
        }
    }

    /** Counts the transactions per state and finds committed ones without a record. */
    private Map<String, Long> transactions(Connection db) throws SQLException {
        Map<String, Long> states = new TreeMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT state, count(*) FROM txn GROUP BY state");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (PreparedStatement s = db.prepareStatement("SELECT msgid FROM txn WHERE state = 'COMMITTED'"
                + " AND id NOT IN (SELECT txn_id FROM record) ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found(new AuditFinding(RECORD_MISSING, 0, rs.getString(1), "committed transaction without a signed record"));
            }
        }
        return states;
    }

    private void found(AuditFinding f) {
        problems++;
        if (findings.size() < MAX_LISTED) {
            findings.add(f);
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Steps 1–5 do not re-compute the split. */
    private static final SplitRecomputer NOT_RECOMPUTED = new SplitRecomputer() {
        @Override
        public boolean knowsPolicy(String policyVersion) {
            return true;
        }

        @Override
        public boolean reproduces(SignedRecord record, String items) {
            return true;
        }
    };

    /** The verifier's view for steps 1–5: only the terminal's signing key. */
    private static ChainView keyOnly(String terminal, PublicKey key) {
        return new ChainView() {
            @Override
            public Optional<PublicKey> signingKey(String t) {
                return terminal.equals(t) ? Optional.of(key) : Optional.empty();
            }

            @Override
            public long highestSeq(String t) {
                return 0;
            }

            @Override
            public byte[] hashAt(String t, long seq) {
                return null;
            }

            @Override
            public boolean msgidHeld(String msgid) {
                return false;
            }

            @Override
            public boolean cardWriteHeld(String cardNo, ProofKind kind, int counter) {
                return false;
            }
        };
    }
}
