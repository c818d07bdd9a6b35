package cn.yibao.simulator.reader;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.simulator.card.VirtualPsam;
import cn.yibao.terminal.pcsc.PcscCardReader;
import cn.yibao.terminal.pcsc.PcscReaders;
import cn.yibao.terminal.pcsc.PrivatePcscd;
import cn.yibao.terminal.pcsc.ReaderSelector;
import java.nio.file.Path;
import java.time.Duration;
import javax.smartcardio.CardException;

/**
 * A counter on the real PC/SC stack for integration tests: a virtual card and PSAM plugged into
 * the test JVM's pcscd, and the terminal's reader opened on pcscd's reader names.
 */
final class CounterRig implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String PIN = "123456";

    final PrivatePcscd pcscd;
    final VirtualCard card;
    final VirtualPsam psam;
    final VirtualReader reader;

    CounterRig(PrivatePcscd pcscd, String persona, Path dataDir) {
        this.pcscd = pcscd;
        this.card = VirtualCard.fresh(persona, dataDir);
        this.psam = new VirtualPsam(dataDir);
        this.reader = new VirtualReader(pcscd.port(PrivatePcscd.CARD_SLOT), pcscd.port(PrivatePcscd.SAM_SLOT), psam);
        reader.insert(card);
    }

    /** Opens the terminal's side: PSAM, then waits for the card. */
    PcscCardReader open() {
        return PcscCardReader.open(ReaderSelector.parse(pcscd.readerName(PrivatePcscd.CARD_SLOT)),
                ReaderSelector.parse(pcscd.readerName(PrivatePcscd.SAM_SLOT)), WAIT);
    }

    /** Waits until pcscd has noticed the card left (it polls vpcd every 400 ms). */
    void awaitCardAbsent() {
        awaitAbsent(PrivatePcscd.CARD_SLOT);
    }

    private void awaitAbsent(int slot) {
        try {
            assertTrue(PcscReaders.connect().byName(pcscd.readerName(slot)).waitForCardAbsent(WAIT.toMillis()),
                    "pcscd still sees a chip in slot " + slot);
        } catch (CardException e) {
            throw new AssertionError("cannot watch slot " + slot, e);
        }
    }

    /** Takes both chips out and waits until pcscd saw them go, so the next test starts clean. */
    @Override
    public void close() {
        reader.close();
        awaitAbsent(PrivatePcscd.CARD_SLOT);
        awaitAbsent(PrivatePcscd.SAM_SLOT);
    }
}
