package cn.yibao.simulator.reader;

import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.simulator.card.VirtualPsam;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.counter.live.PcscCardAccess;
import cn.yibao.terminal.pcsc.PcscCardReader;
import cn.yibao.terminal.pcsc.PcscReaders;
import cn.yibao.terminal.pcsc.ReaderException;
import cn.yibao.terminal.pcsc.ReaderRefusal;
import cn.yibao.terminal.pcsc.ReaderSelector;
import java.nio.file.Path;
import java.time.Duration;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * A whole counter on the real PC/SC stack, for integration tests and benchmarks: a freshly issued
 * virtual card and a virtual PSAM plugged into a {@link PrivatePcscd}'s vpcd reader, and the
 * terminal's side opened on pcscd's reader names.
 */
public final class PcscCounter implements AutoCloseable {

    private final PrivatePcscd pcscd;
    private final VirtualCard card;
    private final VirtualPsam psam;
    private final VirtualReader reader;

    /** Issues {@code persona}'s card afresh in {@code dataDir}, with the PSAM, and inserts both. */
    public PcscCounter(PrivatePcscd pcscd, String persona, Path dataDir) {
        this.pcscd = pcscd;
        this.card = VirtualCard.fresh(persona, dataDir);
        this.psam = new VirtualPsam(dataDir);
        this.reader = new VirtualReader(pcscd.port(PrivatePcscd.CARD_SLOT), pcscd.port(PrivatePcscd.SAM_SLOT), psam);
        reader.insert(card);
    }

    /** Opens the terminal's side: the PSAM, then waits up to {@code presence} for the card. */
    public PcscCardReader open(Duration presence) {
        return PcscCardReader.open(ReaderSelector.parse(pcscd.readerName(PrivatePcscd.CARD_SLOT)),
                ReaderSelector.parse(pcscd.readerName(PrivatePcscd.SAM_SLOT)), presence);
    }

    /**
     * @return the live counter's card access on {@code pcscd}'s card and PSAM readers, waiting up to
     *     10 s for a card at each sale
     */
    public static PcscCardAccess cardAccess(PrivatePcscd pcscd) {
        return new PcscCardAccess(ReaderSelector.parse(pcscd.readerName(PrivatePcscd.CARD_SLOT)),
                ReaderSelector.parse(pcscd.readerName(PrivatePcscd.SAM_SLOT)), Duration.ofSeconds(10));
    }

    /**
     * Waits until pcscd sees {@code slot} filled or empty; pcscd polls vpcd every 400 ms, so a card
     * put back before pcscd noticed its removal would meet pcscd's stale view of the old one.
     *
     * @return false on timeout
     */
    public boolean awaitSlot(int slot, boolean present, Duration timeout) {
        try {
            CardTerminal terminal = PcscReaders.connect().byName(pcscd.readerName(slot));
            return present ? terminal.waitForCardPresent(Math.max(1, timeout.toMillis()))
                    : terminal.waitForCardAbsent(Math.max(1, timeout.toMillis()));
        } catch (CardException e) {
            throw new ReaderException(ReaderRefusal.PCSC_UNAVAILABLE, "cannot watch slot " + slot, e);
        }
    }

    /** @return the pcscd serving the counter */
    public PrivatePcscd pcscd() {
        return pcscd;
    }

    /** @return the card */
    public VirtualCard card() {
        return card;
    }

    /** @return the PSAM */
    public VirtualPsam psam() {
        return psam;
    }

    /** @return the virtual reader, to remove and reinsert the card */
    public VirtualReader reader() {
        return reader;
    }

    /** Takes both chips out and waits (up to 10 s) until pcscd saw them go. */
    @Override
    public void close() {
        reader.close();
        Duration wait = Duration.ofSeconds(10);
        if (!awaitSlot(PrivatePcscd.CARD_SLOT, false, wait) || !awaitSlot(PrivatePcscd.SAM_SLOT, false, wait)) {
            throw new IllegalStateException("pcscd still sees a chip after " + wait);
        }
    }
}
