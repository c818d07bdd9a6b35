package cn.yibao.terminal.cli;

import cn.yibao.terminal.counter.live.PcscCardAccess;
import cn.yibao.terminal.pcsc.ReaderSelector;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The counter's reader options, mixed into every command that talks to the card and the PSAM. */
public final class ReaderOptions {

    @Option(names = "--terminal-id", paramLabel = "DIGITS", defaultValue = "220100000001",
            description = "This terminal's id, as in its PSAM and certificates (default: ${DEFAULT-VALUE}).")
    private String terminalId;

    @Option(names = "--card-reader", paramLabel = "READER", defaultValue = "0",
            description = "Contactless reader: number or (part of) name (default: ${DEFAULT-VALUE}).")
    private String cardReader;

    @Option(names = "--sam-reader", paramLabel = "READER", defaultValue = "1",
            description = "PSAM slot: number or (part of) name (default: ${DEFAULT-VALUE}).")
    private String samReader;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the card (default: ${DEFAULT-VALUE}).")
    private int waitSeconds;

    /** @return this terminal's id */
    public String terminalId() {
        return terminalId;
    }

    /** @return card access over PC/SC with these readers */
    public PcscCardAccess cardAccess() {
        if (waitSeconds < 1 || waitSeconds > 600) {
            throw new BadInputException("--wait must be 1..600 seconds");
        }
        return new PcscCardAccess(selector("--card-reader", cardReader), selector("--sam-reader", samReader),
                Duration.ofSeconds(waitSeconds));
    }

    private static ReaderSelector selector(String option, String spec) {
        try {
            return ReaderSelector.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage(), e);
        }
    }
}
