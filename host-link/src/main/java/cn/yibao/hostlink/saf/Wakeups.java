package cn.yibao.hostlink.saf;

/**
 * When the link's thread waits and why it stops waiting: a {@link #pause} ends after its time, on
 * a {@link #wake} (the journal grew, a refusal was dealt with, the session closed, a fail-back was
 * asked) or when the link {@link #stop}s. A wake-up while the thread is busy is not lost: the next
 * pause returns at once.
 */
final class Wakeups {

    private final Object lock = new Object();
    private volatile boolean running = true;
    private volatile boolean woken;

    /** @return false once the link stopped (or its thread was interrupted while waiting) */
    boolean running() {
        return running;
    }

    /** Stops the link: no more waiting, the thread's loops end. */
    void stop() {
        running = false;
        wake();
    }

    /** Ends the current (or the next) pause. */
    void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    /** Waits up to {@code millis} or until {@link #wake}. */
    void pause(long millis) {
        synchronized (lock) {
            if (!woken && running) {
                try {
                    lock.wait(Math.max(1, millis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }
}
