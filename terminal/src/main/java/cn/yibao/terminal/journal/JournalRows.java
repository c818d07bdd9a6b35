package cn.yibao.terminal.journal;

import cn.yibao.card.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps {@code txn} rows to {@link JournalTxn}. */
final class JournalRows {

    private JournalRows() {
    }

    static List<JournalTxn> query(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<JournalTxn> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    private static JournalTxn map(ResultSet rs) throws SQLException {
        int counter = rs.getInt("card_counter");
        Optional<Integer> cardCounter = rs.wasNull() ? Optional.empty() : Optional.of(counter);
        return new JournalTxn(
                rs.getLong("id"),
                rs.getString("msgid"),
                TxnKind.valueOf(rs.getString("kind")),
                TxnState.valueOf(rs.getString("state")),
                rs.getString("card_no_masked"),
                rs.getString("card_serial"),
                rs.getString("request"),
                Optional.ofNullable(rs.getString("result")),
                Money.ofFen(rs.getLong("account_pay_fen")),
                cardCounter,
                Optional.ofNullable(rs.getString("pending")),
                Optional.ofNullable(rs.getString("tac")),
                Optional.ofNullable(rs.getString("note")),
                Optional.ofNullable(rs.getString("reply")),
                Instant.parse(rs.getString("created")),
                Instant.parse(rs.getString("updated")));
    }
}
