package cn.yibao.simulator.cli;

import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.host.StoreLocation;
import cn.yibao.terminal.cli.BadInputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --store}: where the host keeps its data (see {@link StoreLocation}); by default the SQLite
 * file {@code host.db} in the host's directory. Also read from {@code YIBAO_HOST_STORE}, so that
 * every {@code simulator host} command of one deployment finds the same database.
 */
public final class HostStoreOption {

    /** The environment variable read when {@code --store} is not given. */
    public static final String ENV = "YIBAO_HOST_STORE";

    @Option(names = "--store", paramLabel = "STORE",
            description = "sqlite:FILE or sqlite:DIR (default: host.db in the host's directory), postgresql://HOST:PORT/DB?user=U,"
                    + " or FILE.properties (url, user, password, pool_size); default from $" + ENV + ".")
    private String store;

    /** @return the store of the host in {@code hostDir} */
    public StoreLocation at(Path hostDir) throws BadInputException {
        String spec = store != null ? store : System.getenv(ENV);
        try {
            return StoreLocation.parse(spec, hostDir.resolve(HostSimulator.SQLITE_FILE));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
