package cn.yibao.terminal.counter.live;

/** A forbidden dependency for LayoutRulesBiteTest: the counter using the terminal's command line. Only its class file is read. */
interface ArchFixtureCounterUsesCli {
    void use(cn.yibao.terminal.cli.ExitCodes forbidden);
}
