package cn.yibao.simulator.host;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the ITs that share one host simulator listening on loopback for the whole class; on
 * SQLite, or on PostgreSQL for a subclass marked {@link OnPostgres}.
 */
abstract class LoopbackHost {

    @TempDir
    static Path dir;
    static HostSimulator host;

    @BeforeAll
    static void startHost(TestInfo info) throws Exception {
        host = HostSimulator.open(dir.resolve("host"), store(info.getTestClass().orElseThrow(), dir)).listen("127.0.0.1", 0);
    }

    /** @return the store a test class runs on: SQLite in {@code dir}, or a fresh PostgreSQL database */
    static StoreLocation store(Class<?> testClass, Path dir) throws Exception {
        return testClass.isAnnotationPresent(OnPostgres.class) ? TestPostgres.newStore(testClass.getSimpleName())
                : StoreLocation.sqlite(dir.resolve("host").resolve(HostSimulator.SQLITE_FILE));
    }

    @AfterAll
    static void stopHost() throws Exception {
        host.close();
    }
}
