package cn.yibao.card;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol's root using card.session, which uses the root (a package cycle). Never used; only its class file is read. */
final class ArchFixtureCardUsesSession {

    private ArchFixtureCardUsesSession() {
    }

    static void use(cn.yibao.card.session.PendingDebit forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
