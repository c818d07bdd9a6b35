package cn.yibao.simulator.host;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the host store runs a transaction on its database, and the few statements that differ
 * between SQLite and PostgreSQL. Everything else is the same SQL on both.
 */
interface StoreBackend extends AutoCloseable {

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(HostStore.Work<T> work);

    /**
     * Runs {@code work}, which reads and then writes with one statement that is all or nothing
     * ({@link #write}): where the backend can, each statement committed on its own, without a
     * transaction around them; else (the default) in one transaction.
     */
    default <T> T inOneWrite(HostStore.Work<T> work) {
        return inTransaction(work);
    }

    /**
     * @return the clause that makes a {@code SELECT} of one row take the row's lock until the end
     *         of the transaction ({@code " FOR UPDATE"}), or "" where one transaction runs at a time
     */
    String rowLock();

    /**
     * Writes a group commit's heads, records and accounts on {@code c} ({@link GroupWrite}), in the
     * transaction of {@link #inOneWrite}; @return whether every head moved and every record was
     * inserted (if not, nothing may be kept: the caller throws, so that the transaction rolls back)
     */
    default boolean write(Connection c, GroupWrite w) throws SQLException {
        return w.applyInTurn(c);
    }

    /** Serialises additions to the card list, so that its versions become visible in order. */
    void lockCardList(Connection c) throws SQLException;

    /** @return what the store is, for logs (never a password) */
    String describe();

    @Override
    void close() throws SQLException;
}
