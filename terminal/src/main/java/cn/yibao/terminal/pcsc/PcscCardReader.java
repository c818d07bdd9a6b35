package cn.yibao.terminal.pcsc;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The counter's card reader as the terminal uses it: the contactless card in one PC/SC reader
 * (slot) and the PSAM in another (the reader's SAM slot), opened together and held exclusively
 * for the length of a tap, so that no other PC/SC client can interleave commands between
 * INITIALIZE FOR PURCHASE and DEBIT.
 */
public final class PcscCardReader implements AutoCloseable {

    /** How long to wait for the PSAM, which never leaves its slot. */
    private static final Duration PSAM_PRESENCE = Duration.ofSeconds(2);

    private final PcscTransport card;
    private final PcscTransport psam;

    private PcscCardReader(PcscTransport card, PcscTransport psam) {
        this.card = card;
        this.psam = psam;
    }

    /**
     * Opens the PSAM, then waits for a card.
     *
     * @param cardReader the contactless reader (by default pcscd's reader 0)
     * @param samReader the PSAM slot (by default reader 1)
     * @param cardPresence how long to wait for the card to be presented
     * @throws ReaderException when PC/SC, a reader, the PSAM or the card is missing
     */
    public static PcscCardReader open(ReaderSelector cardReader, ReaderSelector samReader, Duration cardPresence) {
        PcscReaders readers = PcscReaders.connect();
        PcscTransport psam = PcscTransport.open(samReader.find(readers), PSAM_PRESENCE);
        try {
            return new PcscCardReader(PcscTransport.open(cardReader.find(readers), cardPresence), psam);
        } catch (RuntimeException e) {
            psam.close();
            throw e;
        }
    }

    /** @return the contactless card */
    public PcscTransport card() {
        return card;
    }

    /** @return the PSAM */
    public PcscTransport psam() {
        return psam;
    }

    /** Runs {@code work} holding both the card and the PSAM exclusively (on this thread). */
    public <T> T exclusively(Supplier<T> work) {
        return psam.exclusively(() -> card.exclusively(work));
    }

    @Override
    public void close() {
        try {
            card.close();
        } finally {
            psam.close();
        }
    }
}
