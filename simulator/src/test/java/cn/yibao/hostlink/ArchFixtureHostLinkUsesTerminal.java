package cn.yibao.hostlink;

/** A forbidden dependency for LayoutRulesBiteTest: host-link reaching up into the terminal. Only its class file is read. */
interface ArchFixtureHostLinkUsesTerminal {
    void use(cn.yibao.terminal.journal.Journal forbidden);
}
