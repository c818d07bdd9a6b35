package cn.yibao.terminal.counter.live;

import java.util.concurrent.locks.LockSupport;

/**
 * Named points of a sale where the crash tests kill the terminal ({@code kill -9}). Inert unless the
 * system property {@value #PROPERTY} names the point: then the process announces it on standard
 * error ({@code CRASHPOINT <name>}) and stops there until it is killed.
 */
public final class Crashpoints {

    /** System property naming the point to stop at. */
    public static final String PROPERTY = "yibao.test.crashAt";

    private static final String TARGET = System.getProperty(PROPERTY, "");

    private Crashpoints() {
    }

    /** Marks point {@code name}; stops the process here if a crash test asked for it. */
    public static void hit(String name) {
        if (!TARGET.isEmpty() && TARGET.equals(name)) {
            System.err.println("CRASHPOINT " + name);
            System.err.flush();
            while (true) {
                LockSupport.park();
            }
        }
    }
}
