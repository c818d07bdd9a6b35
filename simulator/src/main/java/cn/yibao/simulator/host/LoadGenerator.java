package cn.yibao.simulator.host;

import cn.yibao.hostlink.crypto.Sm2;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.Endpoint;
import cn.yibao.hostlink.saf.StoreAndForward;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives N virtual terminals against a host: each fills its journal with signed settlements and
 * drains it with store-and-forward; measures how long the host takes to acknowledge everything.
 * Also measures the raw SM2 verification rate on the same records, for comparison.
 */
public final class LoadGenerator {

    /**
     * @param terminals     virtual terminals
     * @param records       records acknowledged in total
     * @param drainSeconds  time from starting the uploads to the last acknowledgement
     * @param ingestPerSecond records per second
     * @param cpuSeconds      CPU time the whole process (host and in-process terminals) used meanwhile
     */
    public record Result(int terminals, long records, double drainSeconds, double ingestPerSecond,
                         double cpuSeconds) {
    }

    private LoadGenerator() {
    }

    /** Enrols {@code n} virtual terminals named {@code prefix-1 … prefix-n} with the host in {@code host}. */
    public static List<VirtualTerminal> enrol(HostSimulator host, Path keysDir, String prefix, int n) throws Exception {
        List<VirtualTerminal> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(new VirtualTerminal(host, keysDir, prefix + "-" + i));
        }
        return out;
    }

    /** Appends {@code perTerminal} signed settlements to each terminal's journal (offline). */
    public static void fill(List<VirtualTerminal> terminals, int perTerminal) {
        for (VirtualTerminal t : terminals) {
            for (int i = 0; i < perTerminal; i++) {
                t.settle(1_000 + (i % 97) * 37L);
            }
        }
    }

    /** Uploads every journal to {@code host:port} and waits (up to {@code timeout}) until all are acknowledged. */
    public static Result drain(List<VirtualTerminal> terminals, String host, int port, int batch, int inFlight,
                               Duration timeout) throws Exception {
        return drain(terminals, host, new int[] {port}, batch, inFlight, timeout);
    }

    /**
     * Uploads every journal, terminal {@code i} to {@code host:ports[i % ports.length]} (several host
     * instances), and waits (up to {@code timeout}) until all are acknowledged.
     */
    public static Result drain(List<VirtualTerminal> terminals, String host, int[] ports, int batch, int inFlight,
                               Duration timeout) throws Exception {
        long total = terminals.stream().mapToLong(t -> t.journal().headSeq() - t.journal().ackedSeq()).sum();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        List<StoreAndForward> running = new ArrayList<>();
        try {
            for (int i = 0; i < terminals.size(); i++) {
                running.add(terminals.get(i).storeAndForward(List.of(new Endpoint(host, ports[i % ports.length])), batch,
                        inFlight, Duration.ofSeconds(30)));
            }
            long deadline = start + timeout.toNanos();
            while (!terminals.stream().allMatch(t -> t.journal().ackedSeq() == t.journal().headSeq())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("journals not acknowledged within " + timeout);
                }
                LockSupport.parkNanos(5_000_000);
            }
        } finally {
            running.forEach(StoreAndForward::close);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return new Result(terminals.size(), total, secs, total / secs, (processCpuNanos() - cpuStart) / 1e9);
    }

    /** @return CPU time used by this process so far, in nanoseconds (-1 where the JVM does not tell) */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** @return CPU time used by the calling thread so far, in nanoseconds */
    static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * The unit of the benchmarks' CPU figures: one SM2 verification on one thread, from the fastest of
     * several one-second rounds (the least disturbed by the rest of the machine; the slowest is kept
     * to show the spread). The fastest round makes the unit small and the ratios to it large: a
     * ratio never looks better because a round was slowed down.
     *
     * @param perSecond     SM2 verifications per second (wall clock) in the fastest round
     * @param cpuMicros     CPU time of one verification in the fastest round, in microseconds
     * @param slowestMicros the same in the slowest round
     */
    public record RawVerify(double perSecond, double cpuMicros, double slowestMicros) {

        /** @return the line the benchmarks print for the unit */
        public String describe() {
            return String.format("raw SM2 verify (1 thread, fastest one-second round): %.0f /s (%.0f us CPU each;"
                    + " slowest round %.0f us)", perSecond, cpuMicros, slowestMicros);
        }

        /** @return the unit over the rounds of both measurements: the fastest round, the slowest */
        public RawVerify with(RawVerify other) {
            RawVerify fast = other.cpuMicros < cpuMicros ? other : this;
            return new RawVerify(fast.perSecond, fast.cpuMicros, Math.max(slowestMicros, other.slowestMicros));
        }
    }

    /**
     * @return the SM2 verification rate and CPU cost on the journals' records: one thread, a one-second
     *         warm-up, then {@code rounds} rounds of one second
     */
    public static RawVerify rawVerify(List<VirtualTerminal> terminals, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds >= 1");
        }
        Sample sample = sample(terminals);
        verifyRound(sample); // the warm-up round, not kept
        RawVerify unit = verifyRound(sample);
        for (int i = 1; i < rounds; i++) {
            unit = unit.with(verifyRound(sample));
        }
        return unit;
    }

    /**
     * Starts {@code threads} threads verifying the journals' records over and over (the work of a
     * host's threads, for a benchmark of what shares the cores with them). @return what stops them
     */
    public static AutoCloseable verifying(List<VirtualTerminal> terminals, int threads) {
        Sample sample = sample(terminals);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    verifyRound(sample);
                }
            }, "busy-verify-" + i);
            t.setDaemon(true);
            t.start();
            started.add(t);
        }
        return () -> {
            running.set(false);
            for (Thread t : started) {
                t.join();
            }
        };
    }

    /** Signed records and their terminals' keys, to verify. */
    private record Sample(List<UploadedRecord> records, List<PublicKey> keys) {
    }

    private static Sample sample(List<VirtualTerminal> terminals) {
        List<UploadedRecord> records = new ArrayList<>();
        List<PublicKey> keys = new ArrayList<>();
        for (VirtualTerminal t : terminals) {
            for (UploadedRecord r : t.journal().after(0, 200)) {
                records.add(r);
                keys.add(t.creds.signingCertificate().getPublicKey());
            }
        }
        if (records.isEmpty()) {
            throw new IllegalStateException("no record in the terminals' journals to verify");
        }
        return new Sample(records, keys);
    }

    /** One second (at least one pass over the sample) of verifications: a unit whose slowest round is itself. */
    private static RawVerify verifyRound(Sample s) {
        List<UploadedRecord> sample = s.records();
        List<PublicKey> keys = s.keys();
        long n = 0;
        long cpu = threadCpuNanos();
        long start = System.nanoTime();
        long end = start + 1_000_000_000L;
        do {
            for (int i = 0; i < sample.size(); i++) {
                if (!Sm2.verify(keys.get(i), sample.get(i).record().canonical(), sample.get(i).record().signature())) {
                    throw new IllegalStateException("sample record does not verify");
                }
                n++;
            }
        } while (System.nanoTime() < end);
        double micros = (threadCpuNanos() - cpu) / 1e3 / n;
        return new RawVerify(n / ((System.nanoTime() - start) / 1e9), micros, micros);
    }
}
