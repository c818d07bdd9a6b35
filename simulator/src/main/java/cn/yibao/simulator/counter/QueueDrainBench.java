package cn.yibao.simulator.counter;

import cn.yibao.card.session.CardSession;
import cn.yibao.hostlink.tls.TerminalCredentials;
import cn.yibao.simulator.card.IccTransport;
import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.simulator.card.VirtualPsam;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.terminal.counter.DrugInfo;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.counter.live.BundledCatalog;
import cn.yibao.terminal.counter.live.CardAccess;
import cn.yibao.terminal.counter.live.JournalUpload;
import cn.yibao.terminal.counter.live.LiveCounter;
import cn.yibao.terminal.counter.live.RecordChain;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPacks;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The live counter's queue drain: {@code n} pharmacy sales are settled while the host is down (the
 * virtual card and PSAM in process, the SQLite journal, signed records), then the host simulator
 * starts and the terminal's host link connects, signs in and uploads; timed from starting the link
 * to the host's acknowledgement of the last record. The host verifies every record in full
 * (signature, chain, the card's TAC, the split re-computed with the engine).
 *
 * <p>{@code java -cp simulator/target/simulator.jar cn.yibao.simulator.counter.QueueDrainBench [n]}
 */
public final class QueueDrainBench {

    /** 维生素C片, class C, 9.90: an employee's account pays it, 150 fit in the persona's 1,500.00. */
    private static final String VITAMIN_C = "XA11GAA054A001010100261";
    private static final String TERMINAL = VirtualPsam.DEFAULT_TERMINAL_ID;

    private QueueDrainBench() {
    }

    /**
     * @param settleNanos time to settle the {@code records} sales offline
     * @param drainNanos  time from starting the link to the acknowledgement of the last record
     */
    public record Result(int records, long settleNanos, long drainNanos) {
    }

    /** Settles {@code n} (1..150) sales offline, then drains them to a host started afterwards. */
    public static Result run(Path dir, int n) throws Exception {
        if (n < 1 || n > 150) {
            throw new IllegalArgumentException("1..150 sales (the persona's account)");
        }
        Path keys = dir.resolve("terminal/host-link");
        TerminalCredentials.request(keys, TERMINAL);
        try (HostSimulator host = HostSimulator.open(dir.resolve("host"))) {
            host.enrol(keys, TERMINAL);
        }
        TerminalCredentials creds = TerminalCredentials.load(keys);
        PolicyPack pack = PolicyPacks.changchun2010();
        VirtualCard card = new VirtualCard("employee", dir.resolve("cards"));
        VirtualPsam psam = new VirtualPsam(dir.resolve("psam"));
        try (Journal journal = Journal.open(dir.resolve("terminal/journal.db"), Clock.systemUTC())) {
            RecordChain chain = new RecordChain(journal, TERMINAL, creds.signingKey(), RecordChain.policyVersion(pack));
            LiveCounter counter = new LiveCounter(access(card, psam), pack, BundledCatalog.bundled(), journal, chain,
                    Clock.systemUTC());
            String psnNo = counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            PharmacySale sale = new PharmacySale(new DrugInfo(psnNo, "41", "1", null),
                    List.of(new FeeLine("L1", null, null, VITAMIN_C, BigDecimal.ONE, null, null)));
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                counter.settlePharmacy(sale, Pin.ofNullable("123456"), "QD" + i);
            }
            long settled = System.nanoTime() - start;
            try (HostSimulator host = HostSimulator.open(dir.resolve("host")).listen("127.0.0.1", 0)) {
                long t0 = System.nanoTime();
                try (HostLink link = HostLink.start(new HostLink.Settings(new HostAddress("localhost", host.port()),
                        TERMINAL, Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofSeconds(1), 100),
                        creds.clientContext(), new JournalUpload(journal))) {
                    if (!link.awaitAcknowledged(n, Duration.ofMinutes(5))) {
                        throw new IllegalStateException("not drained: " + link.state() + " " + link.refusal());
                    }
                    return new Result(n, settled, System.nanoTime() - t0);
                }
            }
        }
    }

    private static CardAccess access(VirtualCard card, VirtualPsam psam) {
        IccTransport cardLink = new IccTransport(card);
        IccTransport psamLink = new IccTransport(psam);
        return new CardAccess() {
            @Override
            public <T> T withCard(Function<CardSession, T> work) {
                return work.apply(new CardSession(cardLink, psamLink));
            }
        };
    }

    /** Prints the drain time of {@code n} (default 100) queued settlements. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path dir = Files.createTempDirectory("drain-bench");
        try {
            Result r = run(dir, n);
            System.out.printf("%d sales settled offline in %.0f ms (%.1f ms each); queue drained in %.0f ms "
                    + "(%.1f ms a record, connect and sign-in included)%n", r.records(), r.settleNanos() / 1e6,
                    r.settleNanos() / 1e6 / n, r.drainNanos() / 1e6, r.drainNanos() / 1e6 / n);
        } finally {
            Benches.deleteTree(dir);
        }
    }
}
