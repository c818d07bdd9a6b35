package cn.yibao.terminal.settlement;

/** A forbidden dependency for LayoutRulesBiteTest: the settlement engine using the counter's API. Never used; only its class file is read. */
final class ArchFixtureEngineUsesCounter {

    private ArchFixtureEngineUsesCounter() {
    }

    static void use(cn.yibao.terminal.counter.Settlement forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
