package cn.yibao.simulator.host;

/** A forbidden dependency for LayoutRulesBiteTest: the host simulator using the simulator's command line. Never used; only its class file is read. */
final class ArchFixtureHostUsesSimulatorCli {

    private ArchFixtureHostUsesSimulatorCli() {
    }

    static void use(cn.yibao.simulator.cli.SimulatorMain forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
