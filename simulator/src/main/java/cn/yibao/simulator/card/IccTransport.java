package cn.yibao.simulator.card;

import cn.yibao.card.Transport;
import cn.yibao.card.TransportException;
import cn.yibao.simulator.vpcd.VirtualIcc;

/**
 * An in-memory {@link Transport} to a virtual card or PSAM, without pcscd: for unit tests and the
 * card benchmark. A {@link CardVanishedException} becomes a {@link TransportException}, and the
 * chip stays out of the field until {@link #reinsert()}.
 */
public final class IccTransport implements Transport {

    private final VirtualIcc icc;
    private boolean present;

    /** Inserts (powers on) the chip. */
    public IccTransport(VirtualIcc icc) {
        if (icc == null) {
            throw new IllegalArgumentException("chip required");
        }
        this.icc = icc;
        reinsert();
    }

    /** Puts the chip back in the field (power on). */
    public void reinsert() {
        icc.powerOn();
        present = true;
    }

    /** Takes the chip out of the field (power off). */
    public void remove() {
        icc.powerOff();
        present = false;
    }

    /** @return whether the chip is in the field */
    public boolean present() {
        return present;
    }

    @Override
    public byte[] transceive(byte[] command) {
        if (!present) {
            throw new TransportException("no card in the field");
        }
        try {
            return icc.process(command);
        } catch (CardVanishedException e) {
            icc.powerOff();
            present = false;
            throw new TransportException("card removed", e);
        }
    }
}
