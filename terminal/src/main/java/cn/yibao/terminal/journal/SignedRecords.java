package cn.yibao.terminal.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The chain of signed records in the journal ({@code record} table): where it stands and what it
 * holds. Records are appended only by {@link Transactions#commit}, in the same SQLite transaction
 * as the commit (the signing itself is the counter's).
 */
public final class SignedRecords {

    private final JournalDb db;

    SignedRecords(JournalDb db) {
        this.db = db;
    }

    /** @return where the chain stands */
    public ChainHead head() {
        return db.read(this::headNow);
    }

    /** @return up to {@code limit} records after {@code seq}, in sequence order */
    public List<StoredRecord> after(long seq, int limit) {
        return db.read(() -> {
            List<StoredRecord> out = new ArrayList<>();
            try (PreparedStatement s = db.connection().prepareStatement(
                    "SELECT seq, msgid, hash, body FROM record WHERE seq > ? ORDER BY seq LIMIT ?")) {
                s.setLong(1, seq);
                s.setInt(2, Math.max(1, Math.min(limit, 10_000)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredRecord(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)));
                    }
                }
            }
            return out;
        });
    }

    /** @return the sequence number of the transaction's signed record, once committed */
    public OptionalLong seqOf(long txnId) {
        return db.read(() -> {
            try (PreparedStatement s = db.connection().prepareStatement("SELECT seq FROM record WHERE txn_id = ?")) {
                s.setLong(1, txnId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** @return where the chain stands, read inside the caller's transaction */
    ChainHead headNow() throws SQLException {
        try (PreparedStatement s = db.connection().prepareStatement(
                "SELECT seq, hash FROM record ORDER BY seq DESC LIMIT 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? new ChainHead(rs.getLong(1) + 1, rs.getBytes(2)) : new ChainHead(1, new byte[0]);
        }
    }

    /** Appends {@code record} of transaction {@code txnId}, inside the caller's transaction. */
    void append(long txnId, StoredRecord record) throws SQLException {
        try (PreparedStatement s = db.connection().prepareStatement(
                "INSERT INTO record(seq, txn_id, msgid, hash, body) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, record.seq());
            s.setLong(2, txnId);
            s.setString(3, record.msgid());
            s.setBytes(4, record.hash());
            s.setBytes(5, record.body());
            s.executeUpdate();
        }
    }
}
