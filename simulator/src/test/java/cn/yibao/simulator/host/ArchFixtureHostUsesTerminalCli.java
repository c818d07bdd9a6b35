package cn.yibao.simulator.host;

/** A forbidden dependency for LayoutRulesBiteTest: the host using the terminal's command line. Only its class file is read. */
interface ArchFixtureHostUsesTerminalCli {
    void use(cn.yibao.terminal.cli.ExitCodes forbidden);
}
