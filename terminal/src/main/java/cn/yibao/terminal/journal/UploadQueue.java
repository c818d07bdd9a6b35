package cn.yibao.terminal.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The upload queue as a journal file holds it, read without writing (beside a running counter):
 * the newest record, the sequence the host acknowledged and when, the records queued after it and
 * the oldest one's time.
 *
 * @param lastSeq    newest record's sequence (0: none)
 * @param ackedSeq   highest sequence the host acknowledged
 * @param ackedAt    when the host last moved the cursor, if ever
 * @param queued     records after the cursor
 * @param oldest     when the oldest queued record's transaction began, if any is queued
 */
public record UploadQueue(long lastSeq, long ackedSeq, Optional<Instant> ackedAt, long queued, Optional<Instant> oldest) {

    public UploadQueue {
        if (lastSeq < 0 || ackedSeq < 0 || queued < 0) {
            throw new IllegalArgumentException("negative sequence or count");
        }
    }

    /**
     * @return the queue of the journal in {@code file}, opened read-only; empty when there is no
     *         journal there yet
     */
    public static Optional<UploadQueue> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(5_000);
        try (Connection c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            long acked = one(c, "SELECT acked_seq FROM upload_cursor WHERE id = 1");
            long last = one(c, "SELECT coalesce(max(seq), 0) FROM record");
            long queued = one(c, "SELECT count(*) FROM record WHERE seq > (SELECT acked_seq FROM upload_cursor WHERE id = 1)");
            Optional<Instant> oldest = instant(c, """
                    SELECT txn.created FROM txn JOIN record ON record.txn_id = txn.id
                    WHERE record.seq > (SELECT acked_seq FROM upload_cursor WHERE id = 1) ORDER BY record.seq LIMIT 1""");
            Optional<Instant> ackedAt = instant(c, "SELECT acked_at FROM upload_ack WHERE id = 1");
            return Optional.of(new UploadQueue(last, acked, ackedAt, queued, oldest));
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** A record waiting for the host, as {@code terminal sync --dry-run} lists it. */
    public record Pending(long seq, String msgid, String kind, String state, Instant created) {
    }

    /** @return the first {@code limit} (1..1000) records after the cursor, in the order they would be sent */
    public static List<Pending> pending(Path file, int limit) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(5_000);
        try (Connection c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement s = c.prepareStatement("""
                     SELECT record.seq, record.msgid, txn.kind, txn.state, txn.created FROM record JOIN txn ON txn.id = record.txn_id
                     WHERE record.seq > (SELECT acked_seq FROM upload_cursor WHERE id = 1) ORDER BY record.seq LIMIT ?""")) {
            s.setInt(1, Math.max(1, Math.min(limit, 1000)));
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.parse(rs.getString(5))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Optional<Instant> instant(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getString(1) != null ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return Optional.empty(); // a journal from before upload_ack
            }
            throw e;
        }
    }
}
