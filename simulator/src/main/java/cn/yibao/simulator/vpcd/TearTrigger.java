package cn.yibao.simulator.vpcd;

/** Counts command APDUs against an armed {@link Tear}; thread-safe, fires once. */
final class TearTrigger {

    private Tear tear;
    private int commandsSinceArm;

    synchronized void arm(Tear armed) {
        tear = java.util.Objects.requireNonNull(armed, "tear");
        commandsSinceArm = 0;
    }

    synchronized void disarm() {
        tear = null;
    }

    /** Counts one command; returns the tear point if this command is the armed one, else null. */
    synchronized Tear.Point onCommand() {
        if (tear == null) {
            return null;
        }
        commandsSinceArm++;
        if (commandsSinceArm < tear.nthCommand()) {
            return null;
        }
        Tear.Point point = tear.point();
        tear = null;
        return point;
    }
}
