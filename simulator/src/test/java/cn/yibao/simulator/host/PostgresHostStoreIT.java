package cn.yibao.simulator.host;

import java.nio.file.Path;

/** {@link HostStoreSuite} on PostgreSQL: a fresh database of the tests' own cluster for each test. */
class PostgresHostStoreIT extends HostStoreSuite {

    @Override
    StoreLocation newStore(Path dir) throws Exception {
        return TestPostgres.newStore("store");
    }

    @Override
    String latestVersion() {
        return "6";
    }
}
