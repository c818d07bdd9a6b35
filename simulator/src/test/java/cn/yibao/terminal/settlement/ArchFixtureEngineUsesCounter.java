package cn.yibao.terminal.settlement;

/** A forbidden dependency for LayoutRulesBiteTest: the settlement engine using the counter's API. Only its class file is read. */
interface ArchFixtureEngineUsesCounter {
    void use(cn.yibao.terminal.counter.Settlement forbidden);
}
