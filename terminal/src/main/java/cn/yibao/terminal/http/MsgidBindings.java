package cn.yibao.terminal.http;

import cn.yibao.terminal.journal.OwnerOnlySqlite;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where {@link MsgidLedger} keeps which request each answered msgid was bound to (a keyed hash,
 * never the request itself) and the key of those hashes: in memory for a server started without a data directory (tests), in an
 * owner-only SQLite file of the terminal's data directory for a live counter, so that a msgid
 * reused with another basket, amount or PIN is refused after a restart too. Bindings older than
 * {@link #KEPT} are dropped when the file is opened.
 */
abstract class MsgidBindings implements AutoCloseable {

    /** How long a live counter remembers a msgid's request. */
    static final Duration KEPT = Duration.ofDays(90);
    /** File name in the terminal's data directory. */
    static final String FILE = "msgid-bindings.db";

    /** @return the keyed hash {@code msgid} was bound to, or null */
    abstract String printOf(String msgid);

    /** Binds {@code msgid} to {@code print}. */
    abstract void bind(String msgid, String print);

    /** @return the key of the hashes (32 bytes) */
    abstract byte[] key();

    @Override
    public void close() {
    }

    /** @return bindings in memory: the last {@code capacity} msgids, under a key made now */
    static MsgidBindings inMemory(int capacity) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> bound = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
        return new MsgidBindings() {
            @Override
            synchronized String printOf(String msgid) {
                return bound.get(msgid);
            }

            @Override
            synchronized void bind(String msgid, String print) {
                bound.put(msgid, print);
            }

            @Override
            byte[] key() {
                return key.clone();
            }
        };
    }

    /** @return the bindings kept in {@code file} (created owner-only if missing) */
    static MsgidBindings file(Path file, Clock clock) throws IOException {
        try {
            return new Stored(OwnerOnlySqlite.connect(file), clock);
        } catch (SQLException e) {
            throw new IOException("cannot open the msgid bindings " + file + ": " + e.getMessage(), e);
        }
    }

    /** The SQLite file. */
    private static final class Stored extends MsgidBindings {
        private final Connection db;
        private final Clock clock;
        private final byte[] key;

        Stored(Connection db, Clock clock) throws SQLException {
            this.db = db;
            this.clock = clock;
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("CREATE TABLE IF NOT EXISTS msgid_binding(msgid TEXT PRIMARY KEY, print TEXT NOT NULL,"
                        + " bound_at INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS binding_key(k BLOB NOT NULL)");
            }
            this.key = loadOrMakeKey();
            try (PreparedStatement p = db.prepareStatement("DELETE FROM msgid_binding WHERE bound_at<?")) {
                p.setLong(1, clock.millis() - KEPT.toMillis());
                p.executeUpdate();
            }
        }

        private byte[] loadOrMakeKey() throws SQLException {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT k FROM binding_key")) {
                if (rs.next()) {
                    return rs.getBytes(1);
                }
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try (PreparedStatement p = db.prepareStatement("INSERT INTO binding_key(k) VALUES(?)")) {
                p.setBytes(1, fresh);
                p.executeUpdate();
            }
            return fresh;
        }

        @Override
        synchronized String printOf(String msgid) {
            try (PreparedStatement p = db.prepareStatement("SELECT print FROM msgid_binding WHERE msgid=?")) {
                p.setString(1, msgid);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("msgid bindings unreadable", e);
            }
        }

        @Override
        synchronized void bind(String msgid, String print) {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO msgid_binding(msgid, print, bound_at)"
                    + " VALUES(?,?,?) ON CONFLICT(msgid) DO NOTHING")) {
                p.setString(1, msgid);
                p.setString(2, print);
                p.setLong(3, clock.millis());
                p.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("msgid bindings not writable", e);
            }
        }

        @Override
        byte[] key() {
            return key.clone();
        }

        @Override
        public synchronized void close() {
            try {
                db.close();
            } catch (SQLException e) {
                // closing: nothing left to lose
            }
        }
    }
}
