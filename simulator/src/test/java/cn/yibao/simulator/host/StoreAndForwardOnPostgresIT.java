package cn.yibao.simulator.host;

/** {@link StoreAndForwardIT} with the host's data on PostgreSQL. */
@OnPostgres
class StoreAndForwardOnPostgresIT extends StoreAndForwardIT {
}
