package cn.yibao.terminal.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How far the host has acknowledged the signed records ({@code upload_cursor}, {@code upload_ack}):
 * the cursor moves, durably, only when the host acknowledges, never backwards and never past the
 * last record.
 */
public final class UploadCursor {

    private final JournalDb db;
    private final SignedRecords records;
    private final Clock clock;

    UploadCursor(JournalDb db, SignedRecords records, Clock clock) {
        this.db = db;
        this.records = records;
        this.clock = clock;
    }

    /** @return the highest sequence number the host acknowledged (0 before the first) */
    public long ackedSeq() {
        return db.read(() -> {
            try (PreparedStatement s = db.connection().prepareStatement(
                    "SELECT acked_seq FROM upload_cursor WHERE id = 1");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Moves the upload cursor to {@code seq}, the highest contiguous sequence the host acknowledged.
     * Never moves backwards, never past the last record.
     */
    public void acknowledge(long seq) {
        db.write(() -> {
            long last = records.headNow().nextSeq() - 1;
            if (seq > last) {
                throw new JournalException("host acknowledged seq " + seq + " beyond the last record " + last);
            }
            try (PreparedStatement s = db.connection().prepareStatement(
                    "UPDATE upload_cursor SET acked_seq = ? WHERE id = 1 AND acked_seq < ?")) {
                s.setLong(1, seq);
                s.setLong(2, seq);
                if (s.executeUpdate() == 0) {
                    return null;
                }
            }
            try (PreparedStatement s = db.connection().prepareStatement(
                    "INSERT INTO upload_ack(id, acked_at) VALUES (1, ?)"
                    + " ON CONFLICT(id) DO UPDATE SET acked_at = excluded.acked_at")) {
                s.setString(1, clock.instant().toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** @return when the host last moved the upload cursor, if it ever did */
    public Optional<Instant> ackedAt() {
        return db.read(() -> {
            try (PreparedStatement s = db.connection().prepareStatement(
                    "SELECT acked_at FROM upload_ack WHERE id = 1");
                 ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
            }
        });
    }

    /**
     * @return the committed transactions whose signed records the host has not acknowledged yet,
     *         oldest first, at most {@code limit}
     */
    public List<JournalTxn> unacknowledged(int limit) {
        return db.read(() -> JournalRows.query(db.connection(), """
                SELECT txn.* FROM txn JOIN record ON record.txn_id = txn.id
                WHERE record.seq > (SELECT acked_seq FROM upload_cursor WHERE id = 1)
                ORDER BY record.seq LIMIT ?""", Math.max(1, limit)));
    }
}
