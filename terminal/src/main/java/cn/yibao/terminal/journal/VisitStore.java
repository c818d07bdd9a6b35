package cn.yibao.terminal.journal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outpatient visits and inpatient stays with their fee lines, in the journal's database (additive
 * tables {@code visit} and {@code visit_fee}), so that fee lines can arrive over days and survive
 * restarts. Every method is one durable SQLite transaction on the journal's connection.
 *
 * <p>A visit row does not say whether its admission or its settlement happened: that is the state
 * of the journal transaction named by {@code adm_msgid} / {@code setl_msgid}, so a crash between
 * the journal commit and a visit update cannot make them disagree.
 */
public final class VisitStore {

    /** Most fee lines one visit may hold. */
    public static final int MAX_LINES_PER_VISIT = 5_000;

    private final JournalDb db;
    private final String idPrefix;

    /**
     * @param idPrefix what every visit ID starts with (e.g. {@code M} and the terminal id); the
     *     rest is a sequence number
     */
    public VisitStore(Journal journal, String idPrefix) {
        this.db = Objects.requireNonNull(journal, "journal").db();
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
    }

    /** A visit as stored. {@code state} is OPEN or DISCHARGED (registration only; see the class doc). */
    public record StoredVisit(String mdtrtId, String psnNo, String iptOtpNo, String medType, boolean inpatient,
            LocalDateTime begntime, LocalDateTime endtime, String state, String admMsgid, String setlMsgid,
            String ytd) {
    }

    /** A stored fee line; {@code pric} (unit price in yuan, up to 6 decimals) null means the catalog price. */
    public record StoredFee(String feedetlSn, String medListCodg, BigDecimal cnt, BigDecimal pric, String rxno) {
    }

    static void createTables(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS visit(
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  mdtrt_id TEXT UNIQUE,
                  psn_no TEXT NOT NULL,
                  ipt_otp_no TEXT NOT NULL,
                  med_type TEXT NOT NULL,
                  inpatient INTEGER NOT NULL DEFAULT 0,
                  begntime TEXT NOT NULL,
                  endtime TEXT,
                  state TEXT NOT NULL DEFAULT 'OPEN',
                  adm_msgid TEXT UNIQUE,
                  setl_msgid TEXT,
                  ytd TEXT)""");
        s.execute("""
                CREATE TABLE IF NOT EXISTS visit_fee(
                  mdtrt_id TEXT NOT NULL REFERENCES visit(mdtrt_id),
                  feedetl_sn TEXT NOT NULL,
                  med_list_codg TEXT NOT NULL,
                  cnt TEXT NOT NULL,
                  pric_fen INTEGER,
                  rxno TEXT,
                  PRIMARY KEY (mdtrt_id, feedetl_sn))""");
        // unit prices with up to 6 decimals (national 16,6) as decimal text, as cnt; lines stored
        // before it keep their whole-fen price in pric_fen
        boolean hasPric = false;
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(visit_fee)")) {
            while (rs.next()) {
                hasPric |= "pric".equals(rs.getString("name"));
            }
        }
        if (!hasPric) {
            s.execute("ALTER TABLE visit_fee ADD COLUMN pric TEXT");
        }
        s.execute("""
                CREATE TABLE IF NOT EXISTS cancellation(
                  msgid TEXT PRIMARY KEY,
                  setl_id TEXT NOT NULL)""");
        s.execute("CREATE INDEX IF NOT EXISTS cancellation_setl ON cancellation(setl_id)");
    }

    /** Records, durably and before its journal transaction starts, that {@code msgid} cancels {@code setlId}. */
    public void cancelling(String setlId, String msgid) {
        db.write(() -> update("INSERT OR IGNORE INTO cancellation(msgid, setl_id) VALUES (?, ?)", msgid, setlId));
    }

    /** @return the msgids of every cancellation attempted for {@code setlId}, oldest first */
    public List<String> cancellations(String setlId) {
        return db.read(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = db.connection().prepareStatement(
                    "SELECT msgid FROM cancellation WHERE setl_id = ? ORDER BY rowid LIMIT 1000")) {
                s.setString(1, setlId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Opens a visit.
     *
     * @param admMsgid for an inpatient stay, the msgid of its admission transaction; else null
     * @param ytd the card's accumulators as last read with the PIN (for pre-settlement), or null
     * @return the visit with its new ID
     */
    public StoredVisit open(String psnNo, String iptOtpNo, String medType, boolean inpatient, LocalDateTime begntime,
            String admMsgid, String ytd) {
        return db.write(() -> {
            long id;
            try (PreparedStatement s = db.connection().prepareStatement("""
                    INSERT INTO visit(psn_no, ipt_otp_no, med_type, inpatient, begntime, adm_msgid, ytd)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, psnNo);
                s.setString(2, iptOtpNo);
                s.setString(3, medType);
                s.setInt(4, inpatient ? 1 : 0);
                s.setString(5, begntime.toString());
                s.setString(6, admMsgid);
                s.setString(7, ytd);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            String mdtrtId = idPrefix + String.format("%08d", id);
            update("UPDATE visit SET mdtrt_id = ? WHERE id = ?", mdtrtId, id);
            return findIn("mdtrt_id", mdtrtId).orElseThrow();
        });
    }

    /** @return the visit with this ID */
    public Optional<StoredVisit> find(String mdtrtId) {
        return db.read(() -> findIn("mdtrt_id", mdtrtId));
    }

    /** @return the inpatient stay opened by the admission with this msgid */
    public Optional<StoredVisit> findByAdmission(String admMsgid) {
        return db.read(() -> findIn("adm_msgid", admMsgid));
    }

    /** @return the visit whose settlement (or settlement attempt) had this msgid */
    public Optional<StoredVisit> findBySettlement(String setlMsgid) {
        return db.read(() -> findIn("setl_msgid", setlMsgid));
    }

    /**
     * Adds or replaces (same {@code feedetl_sn}) fee lines of an open visit.
     *
     * @throws JournalException if the visit would hold more than {@link #MAX_LINES_PER_VISIT} lines
     */
    public void putFees(String mdtrtId, List<StoredFee> fees) {
        db.write(() -> {
            for (StoredFee f : fees) {
                update("INSERT OR REPLACE INTO visit_fee(mdtrt_id, feedetl_sn, med_list_codg, cnt, pric_fen, pric, rxno)"
                        + " VALUES (?, ?, ?, ?, NULL, ?, ?)", mdtrtId, f.feedetlSn(), f.medListCodg(),
                        f.cnt().toPlainString(), f.pric() == null ? null : f.pric().toPlainString(), f.rxno());
            }
            if (countFees(mdtrtId) > MAX_LINES_PER_VISIT) {
                throw new JournalException("more than " + MAX_LINES_PER_VISIT + " fee lines on visit " + mdtrtId);
            }
            return null;
        });
    }

    /** @return the visit's fee lines in upload order */
    public List<StoredFee> fees(String mdtrtId) {
        return db.read(() -> {
            List<StoredFee> out = new ArrayList<>();
            try (PreparedStatement s = db.connection().prepareStatement(
                    "SELECT feedetl_sn, med_list_codg, cnt, pric_fen, rxno, pric FROM visit_fee WHERE mdtrt_id = ?"
                            + " ORDER BY rowid LIMIT " + MAX_LINES_PER_VISIT)) {
                s.setString(1, mdtrtId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long fen = rs.getLong(4);
                        BigDecimal pric = rs.wasNull() ? null : BigDecimal.valueOf(fen, 2);
                        String text = rs.getString(6);
                        if (text != null) {
                            pric = new BigDecimal(text);
                        }
                        out.add(new StoredFee(rs.getString(1), rs.getString(2), new BigDecimal(rs.getString(3)),
                                pric, rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Registers the discharge (2402) of an inpatient stay. */
    public void discharge(String mdtrtId, LocalDateTime endtime) {
        db.write(() -> update("UPDATE visit SET state = 'DISCHARGED', endtime = ? WHERE mdtrt_id = ?",
                endtime.toString(), mdtrtId));
    }

    /** Cancels the discharge (2405) of an inpatient stay: open again, no discharge time. */
    public void reopen(String mdtrtId) {
        db.write(() -> update("UPDATE visit SET state = 'OPEN', endtime = NULL WHERE mdtrt_id = ?", mdtrtId));
    }

    /** Records, durably and before its journal transaction starts, which msgid settles the visit. */
    public void settling(String mdtrtId, String setlMsgid) {
        db.write(() -> update("UPDATE visit SET setl_msgid = ? WHERE mdtrt_id = ?", setlMsgid, mdtrtId));
    }

    private int countFees(String mdtrtId) throws SQLException {
        try (PreparedStatement s = db.connection().prepareStatement(
                "SELECT COUNT(*) FROM visit_fee WHERE mdtrt_id = ?")) {
            s.setString(1, mdtrtId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
        return null;
    }

    /** @return the newest inpatient stay the HIS numbered {@code iptOtpNo} (住院号), if any */
    public Optional<StoredVisit> findStay(String iptOtpNo) {
        return db.read(() -> findIn("inpatient = 1 AND ipt_otp_no", iptOtpNo));
    }

    /** @param column a column, or a fixed condition ending in one, compared with {@code value}; the newest row wins */
    private Optional<StoredVisit> findIn(String column, String value) throws SQLException {
        try (PreparedStatement s = db.connection().prepareStatement(
                "SELECT mdtrt_id, psn_no, ipt_otp_no, med_type, inpatient, begntime, endtime, state, adm_msgid,"
                        + " setl_msgid, ytd FROM visit WHERE " + column + " = ? ORDER BY id DESC LIMIT 1")) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String end = rs.getString(7);
                return Optional.of(new StoredVisit(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5) == 1, LocalDateTime.parse(rs.getString(6)),
                        end == null ? null : LocalDateTime.parse(end), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11)));
            }
        }
    }
}
