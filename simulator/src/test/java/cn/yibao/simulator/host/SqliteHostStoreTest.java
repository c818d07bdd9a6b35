package cn.yibao.simulator.host;

import java.nio.file.Path;

/** {@link HostStoreSuite} on the embedded SQLite store. */
class SqliteHostStoreTest extends HostStoreSuite {

    @Override
    StoreLocation newStore(Path dir) {
        return StoreLocation.sqlite(dir.resolve("host.db"));
    }

    @Override
    String latestVersion() {
        return "7";
    }
}
