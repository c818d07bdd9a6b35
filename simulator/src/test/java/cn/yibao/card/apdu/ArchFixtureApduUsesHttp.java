package cn.yibao.card.apdu;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol using HTTP. Only its class file is read. */
interface ArchFixtureApduUsesHttp {
    void use(java.net.http.HttpClient forbidden);
}
