package cn.yibao.simulator.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One throwaway PostgreSQL cluster for the tests of this JVM ({@link LocalPostgres}, fsync off),
 * started on first use in a directory of its own under the temporary directory, stopped and
 * deleted when the JVM exits. Each test takes a fresh database of it ({@link #newStore}).
 */
final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static LocalPostgres cluster;

    private TestPostgres() {
    }

    /** @return the cluster, started if it is not yet */
    static synchronized LocalPostgres cluster() throws IOException, InterruptedException {
        if (cluster == null) {
            Path dir = Files.createTempDirectory("yibao-pg");
            LocalPostgres pg = LocalPostgres.start(dir, 0, false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.stop();
                } catch (IOException | InterruptedException e) {
                    // the cluster may already be down
                }
                try {
                    Dirs.deleteTree(dir);
                } catch (IOException e) {
                    // best effort, at exit
                }
            }));
            cluster = pg;
        }
        return cluster;
    }

    /** @return a store in a database of its own, named after {@code what} */
    static StoreLocation newStore(String what) throws Exception {
        String name = (what.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + DATABASES.incrementAndGet());
        name = name.length() > 60 ? name.substring(name.length() - 60) : name;
        if (!Character.isLetter(name.charAt(0))) {
            name = "d" + name.substring(1);
        }
        return StoreLocation.postgresql(cluster().createDatabase(name), null, null);
    }
}
