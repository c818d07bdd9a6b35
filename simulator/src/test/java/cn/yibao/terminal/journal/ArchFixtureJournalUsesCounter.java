package cn.yibao.terminal.journal;

/** A forbidden dependency for LayoutRulesBiteTest: the journal using the counter that uses it (a package cycle). Only its class file is read. */
interface ArchFixtureJournalUsesCounter {
    void use(cn.yibao.terminal.counter.live.LiveCounter forbidden);
}
