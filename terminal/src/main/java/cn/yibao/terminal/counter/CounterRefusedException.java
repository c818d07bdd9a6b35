package cn.yibao.terminal.counter;

import cn.yibao.card.Refusal;

/** Thrown by a {@link CounterApi} call that a business rule refuses; nothing has changed. */
public final class CounterRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    public CounterRefusedException(Refusal refusal) {
        super(refusal.code() + ": " + refusal.message());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
