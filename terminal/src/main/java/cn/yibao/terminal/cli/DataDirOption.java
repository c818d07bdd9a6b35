package cn.yibao.terminal.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option, mixed into every command that keeps state or logs. */
public final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory for state and logs (default: $YIBAO_HOME/<app> or ~/.yibao/<app>).")
    private Path dataDir;

    /** Resolves and creates the directory and points the log file at it. */
    public Path resolve(String appName) {
        return Cli.dataDir(dataDir, appName);
    }
}
