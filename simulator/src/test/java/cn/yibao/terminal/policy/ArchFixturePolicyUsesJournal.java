package cn.yibao.terminal.policy;

/** A forbidden dependency for LayoutRulesBiteTest: the policy packs using the journal. Only its class file is read. */
interface ArchFixturePolicyUsesJournal {
    void use(cn.yibao.terminal.journal.Journal forbidden);
}
