package cn.yibao.card;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol's root using card.session, which uses the root (a package cycle). Only its class file is read. */
interface ArchFixtureCardUsesSession {
    void use(cn.yibao.card.session.PendingDebit forbidden);
}
