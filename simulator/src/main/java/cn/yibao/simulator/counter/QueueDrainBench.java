package cn.yibao.simulator.counter;

import cn.yibao.card.session.CardSession;
import cn.yibao.simulator.card.IccTransport;
import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.simulator.card.VirtualPsam;
import cn.yibao.simulator.host.Dirs;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.terminal.counter.DrugInfo;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostConfig;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.counter.live.CardAccess;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.LiveCounter;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPacks;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The live counter's queue drain: {@code n} pharmacy sales are settled while the host is down (the
 * virtual card and PSAM in process, the counter runtime with its SQLite journal and signed records),
 * then the host simulator starts, optionally holding a lost-card list of {@code listed} cards, and
 * the runtime's host link connects, signs in (which starts the card-list download) and uploads;
 * timed from starting the link to the host's acknowledgement of the last record. The host verifies
 * every record in full (signature, chain, the card's TAC, the split re-computed with the engine).
 *
 * <p>{@code java -cp simulator/target/simulator.jar cn.yibao.simulator.counter.QueueDrainBench [n [listed]]}
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
     * @param listVersion the counter's card-list version when the last record was acknowledged
     */
    public record Result(int records, long settleNanos, long drainNanos, long listVersion) {
    }

    /**
     * Settles {@code n} (1..150) sales offline, then drains them to a host started afterwards that
     * lists {@code listed} (0..1,000,000) cards as lost.
     */
    public static Result run(Path dir, int n, int listed) throws Exception {
        if (n < 1 || n > 150 || listed < 0 || listed > 1_000_000) {
            throw new IllegalArgumentException("1..150 sales (the persona's account), 0..1,000,000 listed cards");
        }
        Path data = dir.resolve("terminal");
        VirtualCard card = new VirtualCard("employee", dir.resolve("cards"));
        VirtualPsam psam = new VirtualPsam(dir.resolve("psam"));
        // one card settles them all: the pack's daily purchase limit (3 a card) is lifted, the split is the same
        PolicyPack standard = PolicyPacks.changchun2010();
        PolicyPack pack = standard.withCounter(standard.counter().withDailyInsuredPurchases(0));
        try (CounterRuntime runtime = CounterRuntime.open(data, access(card, psam), TERMINAL, Clock.systemUTC(),
                RuntimeOptions.defaults().pack(pack))) {
            try (HostSimulator host = HostSimulator.open(dir.resolve("host"))) {
                host.enrol(HostConfig.keyDir(data), TERMINAL);
                List<String> cards = new ArrayList<>(listed);
                for (int i = 0; i < listed; i++) {
                    cards.add(String.format("C%08d", i));
                }
                host.service().reportCards(cards, "LOST", Instant.now());
            }
            LiveCounter counter = runtime.counter();
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
                HostLink link = runtime.connectHost(new HostAddress("localhost", host.port())).orElseThrow();
                if (!link.awaitAcknowledged(n, Duration.ofMinutes(5))) {
                    throw new IllegalStateException("not drained: " + link.state() + " " + link.refusal());
                }
                return new Result(n, settled, System.nanoTime() - t0, counter.cardWatch().version());
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

    /** Prints the drain time of {@code n} (default 100) queued settlements, the host listing {@code listed} (default 0) cards. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int listed = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path dir = Files.createTempDirectory("drain-bench");
        try {
            Result r = run(dir, n, listed);
            System.out.printf("%d sales settled offline in %.0f ms (%.1f ms each); queue drained in %.0f ms "
                    + "(%.1f ms a record, connect and sign-in included); host lists %d cards, counter at list version"
                    + " %d by then%n", r.records(), r.settleNanos() / 1e6, r.settleNanos() / 1e6 / n,
                    r.drainNanos() / 1e6, r.drainNanos() / 1e6 / n, listed, r.listVersion());
        } finally {
            Dirs.deleteTree(dir);
        }
    }
}
