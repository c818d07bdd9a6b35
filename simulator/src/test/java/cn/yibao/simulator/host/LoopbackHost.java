package cn.yibao.simulator.host;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of the ITs that share one host simulator listening on loopback for the whole class. */
abstract class LoopbackHost {

    @TempDir
    static Path dir;
    static HostSimulator host;

    @BeforeAll
    static void startHost() throws Exception {
        host = HostSimulator.open(dir.resolve("host")).listen("127.0.0.1", 0);
    }

    @AfterAll
    static void stopHost() throws Exception {
        host.close();
    }
}
