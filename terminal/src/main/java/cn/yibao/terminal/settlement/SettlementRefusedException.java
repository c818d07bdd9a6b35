package cn.yibao.terminal.settlement;

import cn.yibao.card.Refusal;

/**
 * The rules refuse to settle. {@link #refusal()} gives the code and the messages, with the
 * detail (e.g. which item) appended.
 */
public final class SettlementRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SettlementRefusal reason;
    private final String detailZh;
    private final String detail;

    public SettlementRefusedException(SettlementRefusal reason, String detailZh, String detail) {
        super(reason.code() + ": " + reason.message() + (detail == null ? "" : " (" + detail + ")"));
        this.reason = reason;
        this.detailZh = detailZh;
        this.detail = detail;
    }

    /** @return the reason */
    public SettlementRefusal reason() {
        return reason;
    }

    /** @return the refusal with the detail in both messages */
    public Refusal refusal() {
        String zh = reason.messageZh() + (detailZh == null ? "" : "（" + detailZh + "）");
        String en = reason.message() + (detail == null ? "" : " (" + detail + ")");
        return new Refusal() {
            @Override
            public String code() {
                return reason.code();
            }

            @Override
            public String messageZh() {
                return zh;
            }

            @Override
            public String message() {
                return en;
            }
        };
    }
}
