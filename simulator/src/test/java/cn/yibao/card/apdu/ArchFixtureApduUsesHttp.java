package cn.yibao.card.apdu;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol using HTTP. Never used; only its class file is read. */
final class ArchFixtureApduUsesHttp {

    private ArchFixtureApduUsesHttp() {
    }

    static void use(java.net.http.HttpClient forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
