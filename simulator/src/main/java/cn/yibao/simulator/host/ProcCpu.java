package cn.yibao.simulator.host;

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
     */
    record Split(double total, double jit, double gc) {

        Split minus(Split o) {
            return new Split(total - o.total, jit - o.jit, gc - o.gc);
        }
    }

    /** @return the CPU time of process {@code pid}, by kind of thread */
    static Split of(long pid) throws IOException {
        long total = 0;
        long jit = 0;
        long gc = 0;
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
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += ticks;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += ticks;
                }
            }
        }
        long[] p = stat(Path.of("/proc", String.valueOf(pid), "stat"));
        total = p[0] + p[1];
        return new Split(total / TICKS_PER_SECOND, jit / TICKS_PER_SECOND, gc / TICKS_PER_SECOND);
    }

    /** @return CPU seconds of {@code parent}, its live children and the children it has reaped */
    static double withChildren(long parent) throws IOException {
        long[] pm = stat(Path.of("/proc", String.valueOf(parent), "stat"));
        long ticks = pm[0] + pm[1] + pm[2] + pm[3];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    long[] t = stat(p.resolve("stat"));
                    if (t[4] == parent) {
                        ticks += t[0] + t[1];
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile: its parent's children times hold it
                }
            }
        }
        return ticks / TICKS_PER_SECOND;
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
