package cn.yibao.simulator.cli;

import cn.yibao.hostlink.saf.ForwardSettings;
import picocli.CommandLine.Option;

/** The backlog the host benchmarks drain: how many terminals, how many records, how many an upload, how many uploads in flight. */
final class BacklogOptions {

    @Option(names = "--terminals", defaultValue = "10", description = "Virtual terminals (default ${DEFAULT-VALUE}).")
    int terminals;
    @Option(names = "--records", defaultValue = "100000", description = "Backlog in total (default ${DEFAULT-VALUE}).")
    int records;
    @Option(names = "--batch", defaultValue = "500", description = "Records per upload (default ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--in-flight", defaultValue = "" + ForwardSettings.UPLOADS_IN_FLIGHT,
            description = "Uploads a terminal sends before the first one's answer, as the host allows (default ${DEFAULT-VALUE}).")
    int inFlight;
}
