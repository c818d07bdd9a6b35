package cn.yibao.terminal.policy;

/** A forbidden dependency for LayoutRulesBiteTest: the policy packs using the journal. Never used; only its class file is read. */
final class ArchFixturePolicyUsesJournal {

    private ArchFixturePolicyUsesJournal() {
    }

    static void use(cn.yibao.terminal.journal.Journal forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
