package cn.yibao.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The database server's CPU split by kind of process, from the titles PostgreSQL 15 sets. */
class ProcCpuTest {

    @Test
    void postgresTitlesAreSortedByKind() {
        // /proc/<pid>/cmdline of the bench cluster's processes, as read during a run
        assertEquals(0, ProcCpu.serverKind("postgres: yibao bench 127.0.0.1(34392) idle\0\0\0"));
        assertEquals(0, ProcCpu.serverKind("postgres: yibao bench 127.0.0.1(34392) BIND"));
        assertEquals(1, ProcCpu.serverKind("postgres: autovacuum worker bench\0"));
        assertEquals(2, ProcCpu.serverKind("postgres: background writer "));
        assertEquals(2, ProcCpu.serverKind("postgres: checkpointer "));
        assertEquals(2, ProcCpu.serverKind("postgres: walwriter "));
        assertEquals(3, ProcCpu.serverKind("postgres: autovacuum launcher "));
        assertEquals(3, ProcCpu.serverKind("postgres: logical replication launcher "));
        assertEquals(3, ProcCpu.serverKind("/usr/lib/postgresql/15/bin/postgres\0-D\0/tmp/x/data\0"));
    }

    @Test
    void aServerIsItsProcessesTogether() {
        ProcCpu.Server s = new ProcCpu.Server(8, 1, 0.5, 0.25, 0.125);
        assertEquals(9.875, s.total());
        assertEquals(1.25, s.maintenance());
        ProcCpu.Server d = s.minus(new ProcCpu.Server(4, 1, 0.25, 0, 0.125));
        assertEquals(new ProcCpu.Server(4, 0, 0.25, 0.25, 0), d);
    }

    @Test
    void aLiveParentIsMeasured() throws Exception {
        ProcCpu.Server me = ProcCpu.withChildren(ProcessHandle.current().pid());
        assertTrue(me.other() > 0, "this JVM has used CPU: " + me);
    }
}
