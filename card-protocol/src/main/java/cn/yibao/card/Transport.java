package cn.yibao.card;

/**
 * The one-method seam between the card protocol and whatever carries APDUs: PC/SC in the terminal,
 * an in-memory card in unit tests. Protocol behaviour (GET RESPONSE chaining, logging, recording)
 * is stacked on it as decorators; the implementation only moves bytes.
 */
@FunctionalInterface
public interface Transport {

    /**
     * Sends one command APDU and returns the whole response APDU (data and status word).
     *
     * @throws TransportException if the card is gone or the link failed; a status word is never an
     *     exception at this level
     */
    byte[] transceive(byte[] command);
}
