package cn.yibao.simulator;

/**
 * Where the simulators keep their state: the sub-directory {@link #APP} of {@code --data-dir}, also
 * the name of their log file. Every simulator package may use it; it uses none of them.
 */
public final class SimulatorData {

    /** Name used for the data directory and the log file. */
    public static final String APP = "simulator";

    private SimulatorData() {
    }
}
