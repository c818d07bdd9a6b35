package cn.yibao.terminal.counter;

/**
 * Who made a settlement or a cancellation: the national envelope's {@code opter} and
 * {@code opter_name}. At the console it is the logged-in operator; over the HIS API it is what the
 * request's envelope names, else {@link #HIS}.
 *
 * @param opter     operator id (工号), 1–30 characters
 * @param opterName operator name, 1–50 characters
 */
public record Opter(String opter, String opterName) {

    /** The operator recorded for an HIS request whose envelope names none. */
    public static final Opter HIS = new Opter("HIS", "HIS接口");

    public Opter {
        Checks.required(opter, "opter", 30);
        Checks.required(opterName, "opter_name", 50);
    }

    /** @return the operator an envelope names ({@code opter}, {@code opter_name}), {@link #HIS} when it names none */
    public static Opter of(String opter, String opterName) {
        if (opter == null || opter.isBlank()) {
            return HIS;
        }
        return new Opter(opter, opterName == null || opterName.isBlank() ? opter : opterName);
    }
}
