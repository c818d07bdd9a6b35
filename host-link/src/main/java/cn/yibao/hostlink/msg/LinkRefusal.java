package cn.yibao.hostlink.msg;

import cn.yibao.card.Refusal;

/** Refusals of the link itself (not of a signed record): envelope, session and transaction errors. */
public enum LinkRefusal implements Refusal.Named {
    UNKNOWN_INFNO("未知交易类型", "unknown transaction code"),
    BAD_INPUT("交易参数错误", "malformed transaction input"),
    NOT_SIGNED_IN("终端未签到", "terminal not signed in (missing or stale sign_no)"),
    TERMINAL_UNKNOWN("终端未登记", "terminal is not enrolled"),
    TERMINAL_FLAGGED("终端已被冻结，请联系医保中心", "terminal is flagged after a failed verification"),
    SETTLEMENT_NOT_FOUND("结算记录不存在", "no settlement with that setl_id"),
    ALREADY_CANCELLED("结算已撤销", "settlement already cancelled or reversed"),
    MESSAGE_NOT_FOUND("原交易不存在", "no transaction with that msgid"),
    NOT_REVERSIBLE("该交易不可冲正", "transaction code cannot be reversed"),
    LOAD_REFUSED("退款圈存未获授权", "the refund load is not authorised (amount, card or MAC1 wrong)"),
    PERSON_NOT_FOUND("未查询到参保人", "no insured person for that certificate"),
    HOST_ERROR("医保中心内部错误", "host internal error"),
    STORE_UNAVAILABLE("医保中心数据库暂不可用，请稍后重试",
            "the host's database is unavailable: nothing was stored, send the same request again later"),
    PRECEDING_UPLOAD_FAILED("前一笔上传未成功，本笔未处理，请重新上传",
            "an upload sent before this one's answer on the same sign-in was not accepted: nothing of this"
                    + " one was stored; sign in again and send from the acknowledged sequence");

    /**
     * @return true for a refusal that says nothing about the request itself (the host failed, or its
     *         database is away): the same request sent later, to this host instance or another, may succeed
     */
    public static boolean transientCode(String code) {
        return HOST_ERROR.code().equals(code) || STORE_UNAVAILABLE.code().equals(code)
                || PRECEDING_UPLOAD_FAILED.code().equals(code);
    }

    private final Text text;

    LinkRefusal(String zh, String en) {
        this.text = new Text(zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
