package cn.yibao.simulator.card;

import java.util.concurrent.locks.LockSupport;

/**
 * Tear injection and modelled time, shared by the virtual card and the virtual PSAM. Modelled time
 * is accumulated without sleeping; with {@code realDelay} the chip also waits that long (for the
 * PC/SC path, where a benchmark measures wall-clock time).
 */
final class ChipClock {

    private TimingModel model;
    private boolean realDelay;
    private long modelledNanos;
    private long commands;
    private Tear tear;
    private int sinceArmed;

    synchronized void timing(TimingModel timingModel, boolean delay) {
        this.model = timingModel;
        this.realDelay = delay && timingModel != null;
    }

    synchronized void arm(Tear t) {
        this.tear = t;
        this.sinceArmed = 0;
    }

    /** @return the phase to tear in for the command now received, or null */
    synchronized Tear.Phase onCommand() {
        commands++;
        if (tear == null) {
            return null;
        }
        if (++sinceArmed == tear.n()) {
            Tear.Phase phase = tear.phase();
            tear = null;
            return phase;
        }
        return null;
    }

    void account(int commandLength, int responseLength, ChipWork work) {
        long nanos;
        boolean delay;
        synchronized (this) {
            if (model == null) {
                return;
            }
            nanos = model.exchangeNanos(commandLength, responseLength, work);
            modelledNanos += nanos;
            delay = realDelay;
        }
        if (delay) {
            long deadline = System.nanoTime() + nanos;
            for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
    }

    synchronized long modelledNanos() {
        return modelledNanos;
    }

    synchronized long commands() {
        return commands;
    }

    synchronized void resetCounters() {
        modelledNanos = 0;
        commands = 0;
    }
}
