package cn.yibao.card.apdu;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol using a library other than Bouncy Castle. Never used; only its class file is read. */
final class ArchFixtureApduUsesJackson {

    private ArchFixtureApduUsesJackson() {
    }

    static void use(com.fasterxml.jackson.databind.JsonNode forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
