package cn.yibao.simulator.host;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Personal accounts and year-to-date accumulators. A card first seen in a settlement gets an
 * account with {@link #OPENING_BALANCE_FEN}; each settlement debits the account and adds to the
 * accumulators; a cancellation or reversal undoes exactly that.
 */
final class Ledger {

    /** Opening balance of an account created on first use: 2,000.00 yuan. */
    static final long OPENING_BALANCE_FEN = 200_000;

    private Ledger() {
    }

    static void ensure(Connection c, String cardNo, String psnNo, String name, long balance) throws SQLException {
        Sql.update(c, "INSERT INTO account(card_no, psn_no, psn_name, balance) VALUES(?,?,?,?)"
                + " ON CONFLICT(card_no) DO NOTHING",
                cardNo, psnNo, name, balance);
    }

    /**
     * Applies ({@code sign} 1) or undoes ({@code sign} -1) a settlement's amounts on the card's
     * account, opening it (with {@link #OPENING_BALANCE_FEN}) if the card has none: one statement.
     */
    static void post(Connection c, String cardNo, Amounts a, int sign) throws SQLException {
        long acct = sign * a.acct();
        Sql.update(c, "INSERT INTO account(card_no, psn_no, psn_name, balance, ytd_medfee, ytd_fund, ytd_acct)"
                + " VALUES(?,?,'',?,?,?,?) ON CONFLICT(card_no) DO UPDATE SET balance=account.balance-?,"
                + " ytd_medfee=account.ytd_medfee+excluded.ytd_medfee, ytd_fund=account.ytd_fund+excluded.ytd_fund,"
                + " ytd_acct=account.ytd_acct+excluded.ytd_acct", cardNo, "P" + cardNo, OPENING_BALANCE_FEN - acct,
                sign * a.medfee(), sign * a.fund(), acct, acct);
    }

    /**
     * {@link #post} (applying) for several cards in one multi-row statement (no card twice: a
     * map by card); the cards' rows are locked in the map's order.
     */
    static void postAll(Connection c, Map<String, Amounts> byCard) throws SQLException {
        List<Map.Entry<String, Amounts>> all = new ArrayList<>(byCard.entrySet());
        for (int from = 0; from < all.size(); from += Records.INSERT_CHUNK) {
            List<Map.Entry<String, Amounts>> part = all.subList(from, Math.min(all.size(), from + Records.INSERT_CHUNK));
            Sql.update(c, postStatement(part.size()), postArguments(part).toArray());
        }
    }

    /** @return the statement of {@link #postAll} for {@code cards} cards, whose parameters are {@link #postArguments} */
    private static String postStatement(int cards) {
        return POST_INTO + " VALUES" + String.join(",", Collections.nCopies(cards, "(?,?,'',?,?,?,?)")) + POST_ON_CONFLICT;
    }

    /** The insert of {@link #postStatement}, before its rows. */
    static final String POST_INTO = "INSERT INTO account(card_no, psn_no, psn_name, balance, ytd_medfee, ytd_fund,"
            + " ytd_acct)";
    /**
     * What {@link #postStatement} does to a card's account held already: the inserted row's balance
     * is the opening balance less the payment, so the held balance less the payment is the new one.
     */
    static final String POST_ON_CONFLICT = " ON CONFLICT(card_no) DO UPDATE SET balance=account.balance+excluded.balance-"
            + OPENING_BALANCE_FEN + ", ytd_medfee=account.ytd_medfee+excluded.ytd_medfee,"
            + " ytd_fund=account.ytd_fund+excluded.ytd_fund, ytd_acct=account.ytd_acct+excluded.ytd_acct";

    /** @return the parameters of {@link #postStatement}: the cards' amounts, in the given order */
    private static List<Object> postArguments(List<Map.Entry<String, Amounts>> cards) {
        List<Object> args = new ArrayList<>(cards.size() * 6);
        for (Map.Entry<String, Amounts> e : cards) {
            Amounts a = e.getValue();
            args.addAll(List.of(e.getKey(), "P" + e.getKey(), OPENING_BALANCE_FEN - a.acct(), a.medfee(), a.fund(),
                    a.acct()));
        }
        return args;
    }

    /** @return balance and accumulators of a card: {balance, ytd_medfee, ytd_fund, ytd_acct}, or null */
    static long[] of(Connection c, String cardNo) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT balance, ytd_medfee, ytd_fund, ytd_acct FROM account WHERE card_no=?",
                cardNo)) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)} : null;
        }
    }
}
