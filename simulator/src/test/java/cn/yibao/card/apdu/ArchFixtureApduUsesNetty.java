package cn.yibao.card.apdu;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol using Netty. Never used; only its class file is read. */
final class ArchFixtureApduUsesNetty {

    private ArchFixtureApduUsesNetty() {
    }

    static void use(io.netty.buffer.ByteBuf forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
