package cn.yibao.terminal.operator;

/** Thrown when an operator's login, administration or approval is refused. */
public final class OperatorRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OperatorRefusal refusal;

    public OperatorRefusedException(OperatorRefusal refusal) {
        super(refusal.code() + ": " + refusal.message());
        this.refusal = refusal;
    }

    public OperatorRefusal refusal() {
        return refusal;
    }
}
