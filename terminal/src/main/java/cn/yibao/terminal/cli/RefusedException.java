package cn.yibao.terminal.cli;

import cn.yibao.card.Refusal;

/** Thrown by a command when a business rule refuses; the command line exits with code 3. */
public final class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.code() + ": " + refusal.message());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
