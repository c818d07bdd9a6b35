package cn.yibao.terminal.policy;

/** A policy pack is refused: see {@link #refusal()}. */
public final class PolicyRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PolicyRefusal refusal;

    public PolicyRefusedException(PolicyRefusal refusal, String detail) {
        super(refusal.code() + ": " + refusal.message() + (detail == null ? "" : " (" + detail + ")"));
        this.refusal = refusal;
    }

    /** @return why the pack was refused */
    public PolicyRefusal refusal() {
        return refusal;
    }
}
