package cn.yibao.simulator.host;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    /** @return balance and accumulators of a card: {balance, ytd_medfee, ytd_fund, ytd_acct}, or null */
    static long[] of(Connection c, String cardNo) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT balance, ytd_medfee, ytd_fund, ytd_acct FROM account WHERE card_no=?",
                cardNo)) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)} : null;
        }
    }
}
