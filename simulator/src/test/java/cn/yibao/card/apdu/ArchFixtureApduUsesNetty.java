package cn.yibao.card.apdu;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol using Netty. Only its class file is read. */
interface ArchFixtureApduUsesNetty {
    void use(io.netty.buffer.ByteBuf forbidden);
}
