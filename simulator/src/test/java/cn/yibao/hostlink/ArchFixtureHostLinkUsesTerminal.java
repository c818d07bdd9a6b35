package cn.yibao.hostlink;

/** A forbidden dependency for LayoutRulesBiteTest: host-link reaching up into the terminal. Never used; only its class file is read. */
final class ArchFixtureHostLinkUsesTerminal {

    private ArchFixtureHostLinkUsesTerminal() {
    }

    static void use(cn.yibao.terminal.journal.Journal forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
