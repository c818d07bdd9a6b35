package cn.yibao.simulator.host;

/** {@link HostFlowsIT} with the host's data on PostgreSQL. */
@OnPostgres
class HostFlowsOnPostgresIT extends HostFlowsIT {
}
