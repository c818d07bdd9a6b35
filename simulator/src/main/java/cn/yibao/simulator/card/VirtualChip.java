package cn.yibao.simulator.card;

import cn.yibao.simulator.vpcd.VirtualIcc;

/**
 * What the virtual card and the virtual PSAM share: tear injection and the timing model, kept in a
 * {@link ChipClock}.
 */
public abstract class VirtualChip implements VirtualIcc {

    /** The chip's tear plan and modelled time. */
    final ChipClock clock = new ChipClock();

    VirtualChip() {
    }

    /** Arms tear injection: the chip vanishes at the {@code n}-th command from now. */
    public final void tearAt(int n, Tear.Phase phase) {
        clock.arm(new Tear(n, phase));
    }

    /** Disarms tear injection. */
    public final void noTear() {
        clock.arm(null);
    }

    /**
     * Turns the timing model on ({@code model} non-null) or off.
     *
     * @param realDelay also wait the modelled time in {@link #process(byte[])}
     */
    public final void timing(TimingModel model, boolean realDelay) {
        clock.timing(model, realDelay);
    }

    /** @return modelled time of the commands processed since the last {@link #resetCounters()} */
    public final long modelledNanos() {
        return clock.modelledNanos();
    }

    /** @return commands received since the last {@link #resetCounters()} */
    public final long commandCount() {
        return clock.commands();
    }

    /** Zeroes the modelled time and the command count. */
    public final void resetCounters() {
        clock.resetCounters();
    }
}
