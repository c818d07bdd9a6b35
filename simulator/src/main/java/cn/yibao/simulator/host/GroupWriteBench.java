package cn.yibao.simulator.host;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The database's side of group commit, alone: the statement that writes a group of live uploads
 * ({@link PostgresGroupWrite}, one batch of one record a terminal, as at {@code bench-cluster
 * --batch 1}) run back to back on one connection, at a given group size, with records of a
 * settlement's size (the 712-character {@code result} and 438-character {@code items} that
 * {@code bench-cluster} reports for its sales) whose texts the database stores as they are. What it
 * isolates is the backend's CPU for a group and for a record; the caller may pause between groups
 * (the wait for the next uploads) and run other threads meanwhile (a host's, sharing the cores).
 */
public final class GroupWriteBench implements AutoCloseable {

    /** Characters of a sale's {@code result} and {@code items}, as {@code bench-cluster} reports them. */
    static final int RESULT_CHARS = 712;
    static final int ITEMS_CHARS = 438;
    /** Cards the records are paid with (the accounts each group posts to). */
    static final int CARDS = 160;

    private final Connection c;
    private final List<String> terminals = new ArrayList<>();
    private final Map<String, byte[]> certs = new HashMap<>();
    private final Map<String, Long> high = new HashMap<>();
    private final int[] counters = new int[CARDS];
    private final Random random = new Random(7);
    private final String result = text(RESULT_CHARS);
    private final String items = text(ITEMS_CHARS);
    private long serial;

    /** Connects to {@code jdbcUrl}, whose enrolled terminals (at least one) the groups will write for. */
    public GroupWriteBench(String jdbcUrl) throws SQLException {
        c = DriverManager.getConnection(jdbcUrl);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, sign_cert, high_seq FROM terminal ORDER BY id")) {
            while (rs.next()) {
                terminals.add(rs.getString(1));
                certs.put(rs.getString(1), rs.getBytes(2));
                high.put(rs.getString(1), rs.getLong(3));
            }
        }
        if (terminals.isEmpty()) {
            c.close();
            throw new IllegalArgumentException("no terminal is enrolled in " + jdbcUrl);
        }
    }

    /** @return the process id of this bench's backend (its CPU time is what the bench measures) */
    public long backendPid() {
        return Sql.longValue(c, "SELECT pg_backend_pid()", -1);
    }

    /** @return the terminals a group may hold at most (one batch of each) */
    public int terminals() {
        return terminals.size();
    }

    /**
     * Writes {@code records} records in groups of {@code group} (rounded up to whole groups), pausing
     * {@code pauseNanos} after each. @return the CPU time {@code cpu} counted meanwhile, in its unit
     */
    public long write(int group, long records, long pauseNanos, LongSupplier cpu) throws SQLException {
        if (group < 1 || group > terminals.size()) {
            throw new IllegalArgumentException("a group holds 1.." + terminals.size() + " batches");
        }
        long before = cpu.getAsLong();
        for (long done = 0; done < records; done += group) {
            if (!PostgresGroupWrite.apply(c, next(group))) {
                throw new IllegalStateException("a group was not written as planned");
            }
            if (pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
        }
        return cpu.getAsLong() - before;
    }

    /** The next group: one new record of each of {@code n} terminals, drawn at random. */
    private GroupWrite next(int n) {
        List<String> shuffled = new ArrayList<>(terminals);
        Collections.shuffle(shuffled, random);
        List<GroupWrite.HeadMove> moves = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Map<String, Amounts> posts = new TreeMap<>();
        long now = System.currentTimeMillis();
        for (String t : shuffled.subList(0, n)) {
            long seq = high.merge(t, 1L, Long::sum);
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            moves.add(new GroupWrite.HeadMove(t, seq - 1, seq, hash, seq, certs.get(t)));
            int card = random.nextInt(CARDS);
            String cardNo = String.format("B%015d", card);
            String msgid = String.format("%s%014d", t, ++serial);
            long medfee = 1_000 + random.nextInt(20_000);
            Amounts a = new Amounts(medfee, medfee / 2, medfee / 4, medfee - medfee / 2 - medfee / 4);
            rows.add(new Object[] {t, seq, hash, msgid, "S" + msgid, cardNo, 6, ++counters[card], now, "bench",
                a.medfee(), a.fund(), a.acct(), a.cash(), result, "OK", items, "bench"});
            posts.merge(cardNo, a, Amounts::plus);
        }
        return new GroupWrite(moves, rows, posts);
    }

    private String text(int chars) {
        StringBuilder b = new StringBuilder(chars).append("{\"t\":\"");
        while (b.length() < chars - 2) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.append("\"}").toString();
    }

    /** Closes the connection. */
    @Override
    public void close() throws SQLException {
        c.close();
    }
}
