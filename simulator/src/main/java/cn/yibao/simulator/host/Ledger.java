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

    /** Applies ({@code sign} 1) or undoes ({@code sign} -1) a settlement's amounts on the card's account. */
    static void post(Connection c, String cardNo, Amounts a, int sign) throws SQLException {
        ensure(c, cardNo, "P" + cardNo, "", OPENING_BALANCE_FEN);
        Sql.update(c, "UPDATE account SET balance=balance-?, ytd_medfee=ytd_medfee+?, ytd_fund=ytd_fund+?,"
                + " ytd_acct=ytd_acct+? WHERE card_no=?", sign * a.acct(), sign * a.medfee(), sign * a.fund(),
                sign * a.acct(), cardNo);
    }

    /** @return balance and accumulators of a card: {balance, ytd_medfee, ytd_fund, ytd_acct}, or null */
    static long[] of(Connection c, String cardNo) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT balance, ytd_medfee, ytd_fund, ytd_acct FROM account WHERE card_no=?",
                cardNo)) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)} : null;
        }
    }
}
