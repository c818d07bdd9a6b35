package cn.yibao.simulator.cli;

import picocli.CommandLine.Option;

/** The backlog the host benchmarks drain: how many terminals, how many records, how many an upload. */
final class BacklogOptions {

    @Option(names = "--terminals", defaultValue = "10", description = "Virtual terminals (default ${DEFAULT-VALUE}).")
    int terminals;
    @Option(names = "--records", defaultValue = "100000", description = "Backlog in total (default ${DEFAULT-VALUE}).")
    int records;
    @Option(names = "--batch", defaultValue = "500", description = "Records per upload (default ${DEFAULT-VALUE}).")
    int batch;
}
