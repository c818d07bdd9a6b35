package cn.yibao.terminal.cardlist;

import cn.yibao.terminal.journal.OwnerOnlySqlite;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The counter's copy of the host's card lists and the outbox of listed-card reports, in one SQLite
 * file of the data directory (WAL, {@code synchronous=FULL}: a report is on disk before the
 * cashier sees the refusal). Thread-safe: one connection, serialised.
 */
final class CardListStore implements AutoCloseable {

    private static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS card_list(
          card_no TEXT PRIMARY KEY,
          status TEXT NOT NULL CHECK (status IN ('LOST', 'BLACKLISTED')),
          reported_at TEXT NOT NULL,
          version INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS card_list_version(
          id INTEGER PRIMARY KEY CHECK (id = 1),
          version INTEGER NOT NULL CHECK (version >= 0))""",
        "INSERT OR IGNORE INTO card_list_version(id, version) VALUES (1, 0)",
        """
        CREATE TABLE IF NOT EXISTS report_outbox(
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          report_id TEXT NOT NULL UNIQUE,
          body TEXT NOT NULL,
          created TEXT NOT NULL)""",
    };

    private final Connection db;

    private CardListStore(Connection db) {
        this.db = db;
    }

    static CardListStore open(Path file) {
        try {
            Connection c = OwnerOnlySqlite.connect(file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
                c.setAutoCommit(false);
                for (String ddl : DDL) {
                    s.execute(ddl);
                }
                c.commit();
            }
            return new CardListStore(c);
        } catch (IOException | SQLException e) {
            throw new CardListException("cannot open the card lists in " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the list version this counter holds (0 before the first download) */
    synchronized long version() {
        return run(() -> {
            try (PreparedStatement s = db.prepareStatement("SELECT version FROM card_list_version WHERE id = 1");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** @return the listing of the first of {@code cardNos} that is listed */
    synchronized Optional<Listing> find(List<String> cardNos) {
        return run(() -> {
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT card_no, status, reported_at, version FROM card_list WHERE card_no = ?")) {
                for (String cardNo : cardNos) {
                    s.setString(1, cardNo);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(new Listing(rs.getString(1), ListStatus.valueOf(rs.getString(2)),
                                    rs.getString(3), rs.getLong(4)));
                        }
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** Applies one downloaded batch of changes and moves the version to {@code version}, atomically. */
    synchronized void apply(List<CardListChange> changes, long version) {
        run(() -> {
            try (PreparedStatement up = db.prepareStatement("INSERT OR REPLACE INTO card_list(card_no, status,"
                    + " reported_at, version) VALUES (?, ?, ?, ?)");
                 PreparedStatement del = db.prepareStatement("DELETE FROM card_list WHERE card_no = ?");
                 PreparedStatement ver = db.prepareStatement("UPDATE card_list_version SET version = ? WHERE id = 1")) {
                for (CardListChange c : changes) {
                    if (c.status() == ListStatus.CLEARED) {
                        del.setString(1, c.cardNo());
                        del.executeUpdate();
                    } else {
                        up.setString(1, c.cardNo());
                        up.setString(2, c.status().name());
                        up.setString(3, c.reportedAt());
                        up.setLong(4, version);
                        up.executeUpdate();
                    }
                }
                ver.setLong(1, version);
                ver.executeUpdate();
            }
            return null;
        });
    }

    /** Keeps a report until the host has it; a report id seen before is ignored. */
    synchronized void keep(String reportId, String body, String created) {
        run(() -> {
            try (PreparedStatement s = db.prepareStatement(
                    "INSERT OR IGNORE INTO report_outbox(report_id, body, created) VALUES (?, ?, ?)")) {
                s.setString(1, reportId);
                s.setString(2, body);
                s.setString(3, created);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A report waiting for the host: its id and its 9121 input (JSON). */
    record Waiting(String reportId, String body) {
    }

    /** @return up to {@code max} waiting reports, oldest first */
    synchronized List<Waiting> waiting(int max) {
        return run(() -> {
            List<Waiting> out = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT report_id, body FROM report_outbox ORDER BY seq LIMIT ?")) {
                s.setInt(1, max);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Waiting(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    synchronized void sent(String reportId) {
        run(() -> {
            try (PreparedStatement s = db.prepareStatement("DELETE FROM report_outbox WHERE report_id = ?")) {
                s.setString(1, reportId);
                s.executeUpdate();
            }
            return null;
        });
    }

    synchronized int waitingCount() {
        return run(() -> {
            try (PreparedStatement s = db.prepareStatement("SELECT count(*) FROM report_outbox");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private <T> T run(SqlWork<T> work) {
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the next call reports it
            }
            throw new CardListException("card list store: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new CardListException("cannot close the card lists: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}
