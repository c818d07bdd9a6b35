package cn.yibao.card.apdu;

/** A forbidden dependency for LayoutRulesBiteTest: card-protocol using SQL. Never used; only its class file is read. */
final class ArchFixtureApduUsesSql {

    private ArchFixtureApduUsesSql() {
    }

    static void use(java.sql.Connection forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
