package cn.yibao.terminal.settlement;

/** A forbidden dependency for LayoutRulesBiteTest: the settlement engine using SQL. Never used; only its class file is read. */
final class ArchFixtureEngineUsesSql {

    private ArchFixtureEngineUsesSql() {
    }

    static void use(java.sql.Connection forbidden) {
        throw new UnsupportedOperationException(String.valueOf(forbidden));
    }
}
