package cn.yibao.card.apdu;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol using a library other than Bouncy Castle. Only its class file is read. */
interface ArchFixtureApduUsesJackson {
    void use(com.fasterxml.jackson.databind.JsonNode forbidden);
}
