package cn.yibao.simulator.vpcd;

/**
 * A virtual integrated-circuit card as vpcd sees it: power, reset, ATR and APDUs. The vpcd bridge
 * drives an implementation from its socket; unit tests drive it directly.
 */
public interface VirtualIcc {

    /** @return the answer-to-reset, 2 to 33 bytes */
    byte[] atr();

    /** Power on: the card starts with nothing selected and no transaction in progress. */
    void powerOn();

    /** Power off: volatile state (selection, challenge, session keys, state machine) is lost. */
    void powerOff();

    /** Warm reset: as power off then on. */
    void reset();

    /**
     * Processes one command APDU.
     *
     * @return the response APDU, data followed by the two status-word bytes; never null
     */
    byte[] process(byte[] command);
}
