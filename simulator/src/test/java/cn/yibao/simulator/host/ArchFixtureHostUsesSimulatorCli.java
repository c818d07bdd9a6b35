package cn.yibao.simulator.host;

/** A forbidden dependency for LayoutRulesBiteTest: the host simulator using the simulator's command line. Only its class file is read. */
interface ArchFixtureHostUsesSimulatorCli {
    void use(cn.yibao.simulator.cli.SimulatorMain forbidden);
}
