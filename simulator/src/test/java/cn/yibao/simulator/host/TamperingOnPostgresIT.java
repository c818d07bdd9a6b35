package cn.yibao.simulator.host;

/** {@link TamperingIT} with the host's data on PostgreSQL. */
@OnPostgres
class TamperingOnPostgresIT extends TamperingIT {
}
