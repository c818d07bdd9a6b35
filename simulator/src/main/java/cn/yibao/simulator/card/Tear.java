package cn.yibao.simulator.card;

/**
 * Tear injection: the card vanishes when it receives the {@code n}-th command after being armed,
 * either before acting on it or after acting on it (the response is lost).
 *
 * @param n 1-based command number, counted from when the tear was armed
 * @param phase before or after the card acts
 */
public record Tear(int n, Phase phase) {

    /** When the card vanishes relative to acting on the command. */
    public enum Phase {
        /** The command is never processed. */
        BEFORE_ACTING,
        /** The command is processed (and persisted), the response is lost. */
        AFTER_ACTING
    }

    public Tear {
        if (n < 1 || phase == null) {
            throw new IllegalArgumentException("n ≥ 1 and a phase required");
        }
    }
}
