package cn.yibao.card.apdu;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol using PC/SC. Never used; only its class file is read. */
final class ArchFixtureApduUsesPcsc {

    private ArchFixtureApduUsesPcsc() {
    }

    static void use(javax.smartcardio.CardTerminal forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
