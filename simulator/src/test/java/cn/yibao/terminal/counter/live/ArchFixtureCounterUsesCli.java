package cn.yibao.terminal.counter.live;

/** A forbidden dependency for LayoutRulesBiteTest: the counter using the terminal's command line. Never used; only its class file is read. */
final class ArchFixtureCounterUsesCli {

    private ArchFixtureCounterUsesCli() {
    }

    static void use(cn.yibao.terminal.cli.ExitCodes forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
