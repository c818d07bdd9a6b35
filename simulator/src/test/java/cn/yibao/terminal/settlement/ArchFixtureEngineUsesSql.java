package cn.yibao.terminal.settlement;

/** A forbidden dependency for LayoutRulesBiteTest: the settlement engine using SQL. Only its class file is read. */
interface ArchFixtureEngineUsesSql {
    void use(java.sql.Connection forbidden);
}
