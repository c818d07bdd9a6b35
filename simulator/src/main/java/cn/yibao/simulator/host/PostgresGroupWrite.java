package cn.yibao.simulator.host;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A group commit's write on PostgreSQL ({@link GroupWrite}): the heads, the records and the
 * accounts in one statement — data-modifying {@code WITH} clauses — committed on its own (no
 * {@code BEGIN}/{@code COMMIT} around it: one round trip, {@link PostgresBackend#inOneWrite}), all or
 * nothing: it ends by calling {@code group_as_planned} (migration V6), which fails the statement
 * when a head did not move or a record was not inserted as planned. Its text is
 * the same for any group: each column travels as an array ({@code unnest}), so the driver prepares
 * it once per connection and the server plans it once, instead of parsing and planning a statement
 * for every size of group. The records are inserted without {@code ON CONFLICT}: a record held
 * already (a replay, a resend to an instance that did not know its head) is rare, and its unique
 * violation answers "not as planned" like a head that moved — the group is rolled back and its
 * batches applied alone, which judge it — while the check of every unique index before each insert
 * that {@code ON CONFLICT} needs would cost every record.
 */
final class PostgresGroupWrite {

    private static final String SQL = "WITH v(id, held, high, hash, journal_head, cert) AS (SELECT * FROM"
            + " unnest(?::text[], ?::bigint[], ?::bigint[], ?::bytea[], ?::bigint[], ?::bytea[])),"
            + " moved AS (UPDATE terminal t SET high_seq=v.high, last_hash=v.hash,"
            + " journal_head=GREATEST(t.journal_head, v.journal_head), last_seen=?::bigint FROM v"
            + " WHERE t.id=v.id AND t.high_seq=v.held AND t.flag IS NULL AND t.sign_cert=v.cert RETURNING 1),"
            + " inserted AS (INSERT INTO record(" + Records.COLUMNS + ") SELECT * FROM unnest("
            + String.join(", ", Records.TYPES.stream().map(t -> "?::" + t + "[]").toList())
            + ") RETURNING 1),"
            + " posted AS (" + Ledger.POST_INTO + " SELECT card_no, 'P' || card_no, '', balance, medfee, fund, acct"
            + " FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])"
            + " AS a(card_no, balance, medfee, fund, acct)" + Ledger.POST_ON_CONFLICT + ")"
            + " SELECT group_as_planned((SELECT count(*) FROM moved), ?::bigint, (SELECT count(*) FROM inserted), ?::bigint)";

    /** SQLSTATE unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE of {@code group_as_planned} (migration V6): a head or a record not as planned. */
    private static final String NOT_AS_PLANNED = "YB001";

    private PostgresGroupWrite() {
    }

    /** @return whether every head moved and every record was inserted */
    static boolean apply(Connection c, GroupWrite w) throws SQLException {
        List<Array> args = new ArrayList<>();
        List<GroupWrite.HeadMove> heads = w.heads();
        args.add(array(c, "text", heads, GroupWrite.HeadMove::terminal));
        args.add(array(c, "bigint", heads, GroupWrite.HeadMove::held));
        args.add(array(c, "bigint", heads, GroupWrite.HeadMove::high));
        args.add(array(c, "bytea", heads, GroupWrite.HeadMove::hash));
        args.add(array(c, "bigint", heads, GroupWrite.HeadMove::journalHead));
        args.add(array(c, "bytea", heads, GroupWrite.HeadMove::cert));
        List<Array> records = new ArrayList<>();
        for (int col = 0; col < Records.TYPES.size(); col++) {
            int k = col;
            records.add(array(c, Records.TYPES.get(col), w.records(), r -> r[k]));
        }
        List<Map.Entry<String, Amounts>> posts = List.copyOf(w.posts().entrySet());
        try (PreparedStatement p = c.prepareStatement(SQL)) {
            int i = 0;
            for (Array a : args) {
                p.setArray(++i, a);
            }
            p.setLong(++i, System.currentTimeMillis());
            for (Array a : records) {
                p.setArray(++i, a);
            }
            p.setArray(++i, array(c, "text", posts, Map.Entry::getKey));
            p.setArray(++i, array(c, "bigint", posts, e -> Ledger.OPENING_BALANCE_FEN - e.getValue().acct()));
            p.setArray(++i, array(c, "bigint", posts, e -> e.getValue().medfee()));
            p.setArray(++i, array(c, "bigint", posts, e -> e.getValue().fund()));
            p.setArray(++i, array(c, "bigint", posts, e -> e.getValue().acct()));
            p.setLong(++i, heads.size());
            p.setLong(++i, w.records().size());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState()) || NOT_AS_PLANNED.equals(e.getSQLState())) {
                    return false; // the statement failed: nothing of it is kept
                }
                throw e;
            }
        }
    }

    /** @return the values {@code of} the items as a PostgreSQL array of {@code type} (its Java element type) */
    private static <T> Array array(Connection c, String type, List<T> items, Function<T, Object> of) throws SQLException {
        Object[] values = switch (type) {
            case "text" -> new String[items.size()];
            case "bigint" -> new Long[items.size()];
            case "integer" -> new Integer[items.size()];
            case "bytea" -> new byte[items.size()][];
            default -> throw new IllegalArgumentException("no array of " + type);
        };
        for (int i = 0; i < values.length; i++) {
            values[i] = of.apply(items.get(i));
        }
        return c.createArrayOf(type.equals("bigint") ? "int8" : type.equals("integer") ? "int4" : type, values);
    }
}
