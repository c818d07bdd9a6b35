package cn.yibao.simulator.counter;

import cn.yibao.card.session.CardSession;
import cn.yibao.hostlink.tls.Crypto;
import cn.yibao.simulator.card.IccTransport;
import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.simulator.card.VirtualPsam;
import cn.yibao.terminal.counter.DrugInfo;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.host.HostSwitch;
import cn.yibao.terminal.counter.live.BundledCatalog;
import cn.yibao.terminal.counter.live.CardAccess;
import cn.yibao.terminal.counter.live.LiveCounter;
import cn.yibao.terminal.counter.live.LiveCounterBuilder;
import cn.yibao.terminal.counter.live.RecordChain;
import cn.yibao.terminal.counter.live.Recovery;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPacks;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** A live counter wired to an in-memory virtual card and PSAM, with a journal in a temp directory. */
final class CounterFixture implements AutoCloseable {

    static final KeyPair TERMINAL_KEY = Crypto.sm2();

    final Path dir;
    final VirtualCard card;
    final VirtualPsam psam;
    final IccTransport cardLink;
    final IccTransport psamLink;
    final PolicyPack pack;
    Journal journal;
    RecordChain chain;
    LiveCounter counter;
    /** The counter's clock, taken at each (re)start. */
    Clock clock;
    final PrivateKey signingKey;
    /** The counter's host (offline until a test switches it), the same across restarts. */
    final HostSwitch host = new HostSwitch();
    /** What the counter has besides the fixture's parts (devices, after-settlement steps). */
    private final UnaryOperator<LiveCounterBuilder> wiring;

    CounterFixture(Path dir, String persona) {
        this(dir, persona, PolicyPacks.changchun2010());
    }

    /** A counter settling with {@code pack} (e.g. with other counter rules). */
    CounterFixture(Path dir, String persona, PolicyPack pack) {
        this(dir, persona, pack, Clock.systemUTC(), TERMINAL_KEY.getPrivate());
    }

    /** A counter settling with {@code pack}, with more {@code wiring} (e.g. a customer display). */
    CounterFixture(Path dir, String persona, PolicyPack pack, UnaryOperator<LiveCounterBuilder> wiring) {
        this(dir, persona, pack, Clock.systemUTC(), TERMINAL_KEY.getPrivate(), wiring);
    }

    /** A counter with its own policy pack, clock and record-signing key (e.g. one enrolled with a host). */
    CounterFixture(Path dir, String persona, PolicyPack pack, Clock clock, PrivateKey signingKey) {
        this(dir, persona, pack, clock, signingKey, UnaryOperator.identity());
    }

    private CounterFixture(Path dir, String persona, PolicyPack pack, Clock clock, PrivateKey signingKey,
            UnaryOperator<LiveCounterBuilder> wiring) {
        this.dir = dir;
        this.wiring = wiring;
        this.pack = pack;
        this.clock = clock;
        this.signingKey = signingKey;
        this.card = new VirtualCard(persona, dir.resolve("cards"));
        this.psam = new VirtualPsam(dir.resolve("psam"));
        this.cardLink = new IccTransport(card);
        this.psamLink = new IccTransport(psam);
        start();
    }

    /** (Re)starts the terminal side on the same journal file, as after a restart. */
    void start() {
        journal = Journal.open(dir.resolve("journal.db"), clock);
        chain = new RecordChain(journal.transactions(), psam.terminalId(), signingKey, pack.policyVersion());
        counter = wiring.apply(LiveCounter.builder(access(), pack, BundledCatalog.bundled(), journal, chain, clock)
                .host(host)).build();
    }

    void restart() {
        counter.cardWatch().close();
        journal.close();
        start();
    }

    /** After a tear: the card back on the reader, the terminal restarted, recovery run. */
    Recovery.Report recoverAfterTear() {
        card.noTear();
        if (!cardLink.present()) {
            cardLink.reinsert();
        }
        restart();
        return recover();
    }

    Recovery.Report recover() {
        return new Recovery(access(), journal, chain).run();
    }

    CardAccess access() {
        return new CardAccess() {
            @Override
            public <T> T withCard(Function<CardSession, T> work) {
                return work.apply(new CardSession(cardLink, psamLink));
            }
        };
    }

    static PharmacySale sale(String psnNo, String... codesAndCounts) {
        List<FeeLine> lines = new ArrayList<>();
        for (int i = 0; i < codesAndCounts.length; i += 2) {
            lines.add(new FeeLine("L" + (i / 2 + 1), null, null, codesAndCounts[i],
                    new BigDecimal(codesAndCounts[i + 1]), null, "RX2026-0001"));
        }
        return new PharmacySale(new DrugInfo(psnNo, "41", "1", null), lines);
    }

    @Override
    public void close() {
        counter.cardWatch().close();
        journal.close();
    }
}
