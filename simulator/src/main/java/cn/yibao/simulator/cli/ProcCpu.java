package cn.yibao.simulator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of other processes, from Linux's {@code /proc}: a host instance by its threads (the
 * JIT compiler's and the garbage collector's apart from the rest), a database server with its
 * children. In seconds; the kernel counts in USER_HZ (100 a second on Linux).
 */
final class ProcCpu {

    private static final double TICKS_PER_SECOND = 100;

    private ProcCpu() {
    }

    /**
     * A process's CPU time so far.
     *
     * @param total all its threads
     * @param jit   the JIT compiler's threads (a warm-up cost: it falls away in a long-running host)
     * @param gc    the garbage collector's threads
     * @param app   the host's application threads (Netty's {@code DefaultEventExecutorGroup}): the
     *              verification and the store's transactions
     * @param io    Netty's event loops: TLS, framing, reading and writing the sockets
     */
    record Shares(double total, double jit, double gc, double app, double io) {

        static final Shares ZERO = new Shares(0, 0, 0, 0, 0);

        Shares minus(Shares o) {
            return new Shares(total - o.total, jit - o.jit, gc - o.gc, app - o.app, io - o.io);
        }

        Shares plus(Shares o) {
            return new Shares(total + o.total, jit + o.jit, gc + o.gc, app + o.app, io + o.io);
        }
    }

    /** @return the CPU time of process {@code pid}, by kind of thread */
    static Shares of(long pid) throws IOException {
        long[] by = new long[5]; // jit, gc, app, io, other
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                long ticks;
                String name;
                try {
                    long[] t = stat(task.resolve("stat"));
                    ticks = t[0] + t[1];
                    name = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).strip();
                } catch (IOException gone) {
                    continue; // a thread that ended: its time is in the process's own figure below
                }
                by[kind(name)] += ticks;
            }
        }
        long[] p = stat(Path.of("/proc", String.valueOf(pid), "stat"));
        double t = TICKS_PER_SECOND;
        return new Shares((p[0] + p[1]) / t, by[0] / t, by[1] / t, by[2] / t, by[3] / t);
    }

    /** @return the kind of a JVM thread by its name (as the kernel keeps it: 15 characters) */
    private static int kind(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return 0;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return 1;
        }
        if (name.startsWith("defaultEventExe")) {
            return 2;
        }
        return name.contains("EventLoop") || name.startsWith("multiThreadIo") || name.startsWith("nioEventLoop") ? 3 : 4;
    }

    /**
     * A database server's CPU time so far, its postmaster and its children, by kind of process.
     *
     * @param backends    the client connections' backends (the statements and their commits)
     * @param autovacuum  the autovacuum workers alive now
     * @param writers     the background writer, the checkpointer and the WAL writer
     * @param ended       the children that have ended (their time is in the postmaster's figures for its
     *                    reaped children): mostly autovacuum workers, which run and exit
     * @param other       the postmaster itself and its other children (launchers, statistics)
     */
    record Server(double backends, double autovacuum, double writers, double ended, double other) {

        double total() {
            return backends + autovacuum + writers + ended + other;
        }

        /** @return the autovacuum workers' time, those alive and those that ended */
        double maintenance() {
            return autovacuum + ended;
        }

        Server minus(Server o) {
            return new Server(backends - o.backends, autovacuum - o.autovacuum, writers - o.writers,
                    ended - o.ended, other - o.other);
        }
    }

    /** @return CPU seconds of {@code parent}, its live children and the children it has reaped, by kind */
    static Server withChildren(long parent) throws IOException {
        long[] pm = stat(Path.of("/proc", String.valueOf(parent), "stat"));
        long[] by = new long[4]; // backends, autovacuum, writers, other
        by[3] = pm[0] + pm[1];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    long[] t = stat(p.resolve("stat"));
                    if (t[4] == parent) {
                        by[serverKind(Files.readString(p.resolve("cmdline"), StandardCharsets.UTF_8))] += t[0] + t[1];
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile: its parent's children times hold it
                }
            }
        }
        double t = TICKS_PER_SECOND;
        return new Server(by[0] / t, by[1] / t, by[2] / t, (pm[2] + pm[3]) / t, by[3] / t);
    }

    /** @return the kind of a PostgreSQL child by the title it sets ("postgres: autovacuum worker bench", …) */
    static int serverKind(String title) {
        String t = title.replace('\0', ' ').strip();
        if (t.startsWith("postgres: autovacuum worker")) {
            return 1;
        }
        if (t.startsWith("postgres: background writer") || t.startsWith("postgres: checkpointer")
                || t.startsWith("postgres: walwriter")) {
            return 2;
        }
        // a backend's title is "postgres: user database host(port) state"
        return t.startsWith("postgres: ") && t.contains("(") ? 0 : 3;
    }

    /** @return utime, stime, cutime, cstime (ticks) and the parent pid, from a {@code stat} file */
    private static long[] stat(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.US_ASCII);
        // after "pid (comm) ": state, ppid, …; utime is the 14th field of the line, the 12th after comm
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]),
            Long.parseLong(f[1])};
    }
}
