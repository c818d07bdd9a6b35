package cn.yibao.simulator.host.migration;

/** A forbidden dependency for LayoutRulesBiteTest: a host migration using the terminal's operations helpers. Only its class file is read. */
interface ArchFixtureMigrationUsesOps {
    void use(cn.yibao.terminal.ops.MetricsServer forbidden);
}
