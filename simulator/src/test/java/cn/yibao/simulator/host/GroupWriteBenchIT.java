package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code host bench-group} writes what a group commit writes: records, heads and accounts, as planned. */
class GroupWriteBenchIT {

    @TempDir
    Path dir;

    @Test
    void groupsOfLiveUploadsAreWrittenAsPlanned() throws Exception {
        StoreLocation db = TestPostgres.newStore("group_bench");
        try (HostSimulator host = HostSimulator.open(dir.resolve("host"), db)) {
            LoadGenerator.enrol(host, dir.resolve("keys"), "gb", 3);
            AtomicLong clock = new AtomicLong();
            try (GroupWriteBench bench = new GroupWriteBench(db.jdbcUrl())) {
                assertEquals(3, bench.terminals());
                assertEquals(1, bench.write(2, 8, 0, clock::incrementAndGet), "the counter, read before and after");
                bench.write(3, 6, 0, () -> 0);
                assertThrows(IllegalArgumentException.class, () -> bench.write(4, 8, 0, () -> 0));
            }
            long records = host.store().inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM record", 0));
            long heads = host.store().inTransaction(c -> Sql.longValue(c, "SELECT sum(high_seq) FROM terminal", 0));
            long paid = host.store().inTransaction(c -> Sql.longValue(c, "SELECT sum(acct) FROM record", 0));
            long debited = host.store().inTransaction(c -> Sql.longValue(c,
                    "SELECT count(*) * ? - sum(balance) FROM account", 0, Ledger.OPENING_BALANCE_FEN));
            assertAll(() -> assertEquals(14, records, "4 groups of 2, 2 of 3"),
                    () -> assertEquals(14, heads, "each terminal's head moved with its records"),
                    () -> assertEquals(paid, debited, "the accounts posted once per record"));
        }
    }
}
