package cn.yibao.card.apdu;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol using PC/SC. Only its class file is read. */
interface ArchFixtureApduUsesPcsc {
    void use(javax.smartcardio.CardTerminal forbidden);
}
