package cn.yibao.terminal.pcsc;

import cn.yibao.card.TransportException;

/** A {@link TransportException} that says which {@link ReaderRefusal} the counter should show. */
public final class ReaderException extends TransportException {

    private static final long serialVersionUID = 1L;

    private final ReaderRefusal refusal;

    public ReaderException(ReaderRefusal refusal, String detail, Throwable cause) {
        super(refusal.message() + ": " + detail, cause);
        this.refusal = refusal;
    }

    /** @return the refusal to show at the counter */
    public ReaderRefusal refusal() {
        return refusal;
    }
}
