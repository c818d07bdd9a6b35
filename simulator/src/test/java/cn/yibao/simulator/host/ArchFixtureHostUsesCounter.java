package cn.yibao.simulator.host;

/** A forbidden dependency for LayoutRulesBiteTest: the host using the live counter (its record chain). Only its class file is read. */
interface ArchFixtureHostUsesCounter {
    void use(cn.yibao.terminal.counter.live.RecordChain forbidden);
}
