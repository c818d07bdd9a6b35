package cn.yibao.terminal.pcsc;

import cn.yibao.card.Transport;
import cn.yibao.card.TransportException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card in one PC/SC reader, as a {@link Transport}: it only moves bytes. The JDK's automatic
 * GET RESPONSE on 61xx and re-send on 6Cxx are switched off (see
 * {@link PcscStatus#configureLibrary()}) so that the card protocol sees every status word.
 *
 * <p>A purchase runs inside {@link #exclusively(Supplier)}: SCardBeginTransaction keeps other
 * PC/SC clients off the card between INITIALIZE and DEBIT. A card that leaves the field becomes a
 * {@link ReaderException} with {@link ReaderRefusal#CARD_REMOVED}.
 */
public final class PcscTransport implements Transport, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PcscTransport.class);

    private final CardTerminal reader;
    private final Card card;
    private final CardChannel channel;

    private PcscTransport(CardTerminal reader, Card card) {
        this.reader = reader;
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    /**
     * Waits for a card in {@code reader} and connects to it (shared mode, any protocol).
     *
     * @param presenceTimeout how long to wait for a card; must be positive (PC/SC's 0 means forever)
     * @throws ReaderException {@link ReaderRefusal#NO_CARD} if no card came, or another refusal
     */
    public static PcscTransport open(CardTerminal reader, Duration presenceTimeout) {
        if (presenceTimeout.isNegative() || presenceTimeout.isZero()) {
            throw new IllegalArgumentException("presence timeout must be positive, got " + presenceTimeout);
        }
        try {
            if (!reader.waitForCardPresent(Math.max(1, presenceTimeout.toMillis()))) {
                throw new ReaderException(ReaderRefusal.NO_CARD, "no card in '" + reader.getName() + "' within "
                        + presenceTimeout, null);
            }
            Card card = reader.connect("*");
            LOG.debug("connected to the card in '{}' ({})", reader.getName(), card.getProtocol());
            return new PcscTransport(reader, card);
        } catch (CardNotPresentException e) {
            throw new ReaderException(ReaderRefusal.NO_CARD, "the card left '" + reader.getName() + "'", e);
        } catch (CardException e) {
            throw mapped("cannot connect to the card in '" + reader.getName() + "'", e);
        }
    }

    @Override
    public byte[] transceive(byte[] command) {
        CommandAPDU apdu = new CommandAPDU(command); // a malformed command is our bug: let it throw
        try {
            return channel.transmit(apdu).getBytes();
        } catch (CardException e) {
            throw mapped("transmit failed", e);
        } catch (IllegalStateException e) {
            // javax.smartcardio: "Card has been removed" / "Card has been disconnected"
            throw new ReaderException(ReaderRefusal.CARD_REMOVED, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // WORKAROUND: vpcd answers an empty response when the card's socket closes mid-command,
            // and javax.smartcardio's ResponseAPDU rejects it: the card left the field.
            throw new ReaderException(ReaderRefusal.CARD_REMOVED, "empty response (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Runs {@code work} with exclusive access to the card: no other PC/SC client can send it a
     * command meanwhile. Exclusive access is bound to the calling thread.
     */
    public <T> T exclusively(Supplier<T> work) {
        beginExclusive();
        boolean done = false;
        try {
            T result = work.get();
            done = true;
            return result;
        } finally {
            endExclusive(done);
        }
    }

    /** Begins exclusive access (SCardBeginTransaction). */
    public void beginExclusive() {
        call("cannot get exclusive access", card::beginExclusive);
    }

    private void endExclusive(boolean mustSucceed) {
        try {
            endExclusive();
        } catch (TransportException e) {
            if (mustSucceed) {
                throw e;
            }
            LOG.debug("end of exclusive access after a failure: {}", e.getMessage());
        }
    }

    /** Ends exclusive access (SCardEndTransaction). */
    public void endExclusive() {
        call("cannot end exclusive access", card::endExclusive);
    }

    /** A PC/SC call on the card. */
    @FunctionalInterface
    private interface CardCall {
        void run() throws CardException;
    }

    private static void call(String what, CardCall call) {
        try {
            call.run();
        } catch (CardException e) {
            throw mapped(what, e);
        } catch (IllegalStateException e) {
            // javax.smartcardio: "Card has been removed" / "Card has been disconnected"
            throw new ReaderException(ReaderRefusal.CARD_REMOVED, e.getMessage(), e);
        }
    }

    /** @return the card's answer-to-reset */
    public byte[] atr() {
        return card.getATR().getBytes();
    }

    /** @return the reader's PC/SC name */
    public String readerName() {
        return reader.getName();
    }

    /** Waits until the card has left the reader; returns false on timeout. */
    public boolean awaitRemoval(Duration timeout) {
        try {
            return reader.waitForCardAbsent(Math.max(1, timeout.toMillis()));
        } catch (CardException e) {
            throw mapped("cannot watch the reader", e);
        }
    }

    /** Disconnects without resetting the card. */
    @Override
    public void close() {
        try {
            card.disconnect(false);
        } catch (CardException | IllegalStateException e) {
            LOG.debug("disconnect from '{}': {}", reader.getName(), e.getMessage());
        }
    }

    /** Turns a PC/SC error into a refusal: a removed card, a reader gone, or pcscd unavailable. */
    static ReaderException mapped(String what, CardException e) {
        String pcsc = String.valueOf(e.getCause()) + " " + e.getMessage();
        ReaderRefusal refusal;
        if (pcsc.contains("SCARD_W_REMOVED_CARD") || pcsc.contains("SCARD_E_NO_SMARTCARD")
                || pcsc.contains("SCARD_W_RESET_CARD") || pcsc.contains("SCARD_W_UNPOWERED_CARD")
                || pcsc.contains("SCARD_E_NOT_TRANSACTED") || pcsc.contains("SCARD_W_UNRESPONSIVE_CARD")) {
            refusal = ReaderRefusal.CARD_REMOVED;
        } else if (pcsc.contains("SCARD_E_READER_UNAVAILABLE") || pcsc.contains("SCARD_E_UNKNOWN_READER")) {
            refusal = ReaderRefusal.NO_READER;
        } else {
            refusal = ReaderRefusal.PCSC_UNAVAILABLE;
        }
        return new ReaderException(refusal, what + " (" + pcsc.strip() + ")", e);
    }
}
