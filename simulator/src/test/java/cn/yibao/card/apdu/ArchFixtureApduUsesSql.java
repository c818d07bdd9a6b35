package cn.yibao.card.apdu;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol using SQL. Only its class file is read. */
interface ArchFixtureApduUsesSql {
    void use(java.sql.Connection forbidden);
}
