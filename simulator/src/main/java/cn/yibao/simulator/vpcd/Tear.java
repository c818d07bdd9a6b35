package cn.yibao.simulator.vpcd;

/**
 * An armed tear: the card leaves the field when it receives its {@code nthCommand}-th command
 * APDU after arming (1-based), either before acting on it (the command is lost) or after (the card
 * acted and persisted, but the response never reaches the terminal).
 *
 * @param nthCommand which command after arming, from 1
 * @param point before or after the card acts
 */
public record Tear(int nthCommand, Point point) {

    /** When, relative to the card's own processing, the card vanishes. */
    public enum Point {
        /** The command reaches the antenna but not the card's logic. */
        BEFORE_CARD_ACTS,
        /** The card completed the command; its response is lost. */
        AFTER_CARD_ACTS
    }

    public Tear {
        if (nthCommand < 1) {
            throw new IllegalArgumentException("tear command number must be at least 1, got " + nthCommand);
        }
        if (point == null) {
            throw new IllegalArgumentException("tear point is required");
        }
    }
}
