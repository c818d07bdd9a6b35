package cn.yibao.terminal.journal;

/** A forbidden dependency for LayoutRulesBiteTest: the journal using the counter that uses it (a package cycle). Never used; only its class file is read. */
final class ArchFixtureJournalUsesCounter {

    private ArchFixtureJournalUsesCounter() {
    }

    static void use(cn.yibao.terminal.counter.live.LiveCounter forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
