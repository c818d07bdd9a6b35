package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HostStoreSuite} on PostgreSQL: a fresh database of the tests' own cluster for each test. */
class PostgresHostStoreIT extends HostStoreSuite {

    @Override
    StoreLocation newStore(Path dir) throws Exception {
        return TestPostgres.newStore("store");
    }

    @Override
    String latestVersion() {
        return "7";
    }

    @Test
    void analyzeGathersNoStatisticsOfTheRecordsJson() throws Exception {
        HostSimulator.open(dir.resolve("host"), at).close(); // migrated
        try (Connection c = DriverManager.getConnection(at.jdbcUrl()); Statement s = c.createStatement()) {
            for (int i = 1; i <= 50; i++) {
                s.execute("INSERT INTO record(terminal, seq, hash, msgid, setl_id, card_no, time, policy_version, medfee,"
                        + " fund, acct, cash, result, items) VALUES ('T1', " + i + ", '\\x00', 'M" + i + "', 'S" + i
                        + "', 'C', 0, 'P', 1, 0, 1, 0, '{\"n\":" + i + "}', '{\"i\":" + i + "}')");
            }
            s.execute("ANALYZE record");
            List<String> analysed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT attname FROM pg_stats WHERE tablename='record'"
                    + " AND attname IN ('msgid', 'result', 'items') ORDER BY attname")) {
                while (rs.next()) {
                    analysed.add(rs.getString(1));
                }
            }
            assertEquals(List.of("msgid"), analysed, "statistics of the keys, none of the JSON texts");
        }
    }
}
