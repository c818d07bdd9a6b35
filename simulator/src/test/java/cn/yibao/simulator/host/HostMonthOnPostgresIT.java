package cn.yibao.simulator.host;

/** {@link HostMonthIT} with the host's data on PostgreSQL. */
@OnPostgres
class HostMonthOnPostgresIT extends HostMonthIT {
}
