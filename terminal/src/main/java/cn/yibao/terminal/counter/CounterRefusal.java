package cn.yibao.terminal.counter;

import cn.yibao.card.Refusal;

/** Every refusal the counter can give a cashier or an HIS, with its Chinese and English message. */
public enum CounterRefusal implements Refusal.Named {
    CARD_ABSENT("请将社保卡放在读卡区", "no card on the reader"),
    CARD_MISMATCH("读卡器上的卡与请求中的人员不一致", "the card on the reader is not the requested person's"),
    CARD_LOST("此卡已挂失，请收回并联系医保经办机构", "card reported lost"),
    CARD_BLACKLISTED("此卡已被列入黑名单，不能结算", "card is blacklisted"),
    CARD_IN_HOSPITAL("参保人处于住院状态，出院结算前不能在门诊或药店结算", "person is in hospital"),
    ALREADY_IN_HOSPITAL("参保人已在住院，不能重复办理入院", "person already admitted"),
    INSUFFICIENT_BALANCE("个人账户余额不足，请重新预结算", "personal account balance below the agreed account payment"),
    SPLIT_CHANGED("结算金额与预结算不一致，请重新预结算", "the split differs from the pre-settlement"),
    PIN_REQUIRED("个人账户支付需要输入密码", "a PIN is required for an account payment"),
    PIN_TIMEOUT("顾客未在规定时间内在密码键盘上输入密码，本次未扣款，请重新结算",
            "no PIN typed on the counter's PIN pad in time; nothing debited"),
    NO_ITEMS("没有收费项目，不能结算", "no fee lines"),
    TOO_MANY_ITEMS("收费项目过多（每次最多 500 项）", "too many fee lines"),
    PRICE_ABOVE_CATALOG("收费单价高于医保目录价格，不能结算，请核对价格", "a line's unit price is above the catalog price"),
    UNKNOWN_ITEM("医保目录中没有此项目", "item not in the catalog"),
    NON_MEDICAL_GOODS("非医保商品不能使用医保结算", "non-medical goods on an insured sale"),
    PRESCRIPTION_REQUIRED("处方药需要定点医院的处方号", "prescription drug without a prescription reference"),
    DAILY_PURCHASE_LIMIT("该卡今日医保购药次数已达上限，请明日再来", "the card reached today's limit of insured purchases"),
    VISIT_NOT_FOUND("就诊记录不存在", "no such visit (mdtrt_id)"),
    VISIT_CLOSED("该就诊已结算或已出院", "visit already settled or discharged"),
    NOT_DISCHARGED("该住院尚未办理出院登记，无需撤销出院", "the stay is not discharged: there is no discharge to cancel"),
    DISCHARGE_REQUIRED("请先办理出院登记再结算", "discharge must be registered before the final settlement"),
    SETTLEMENT_NOT_FOUND("结算记录不存在", "no such settlement (setl_id)"),
    ALREADY_CANCELLED("该结算已撤销", "settlement already cancelled"),
    NOT_SAME_DAY("只能撤销当日的结算", "only same-day settlements can be cancelled"),
    HOST_UNAVAILABLE_FOR_CANCEL("医保中心暂时无法连接，撤销未办理（卡和账户未变动），请稍后重试",
            "host unreachable: the cancellation needs its authorisation; nothing was changed"),
    NOT_UPLOADED_YET("原结算尚未上传医保中心并确认，请待上传完成后再撤销",
            "the settlement has not been acknowledged by the host yet; retry the cancellation after the upload"),
    REFUND_REFUSED("医保中心未授权退款，撤销未办理", "the host refused to authorise the refund load"),
    OFFLINE_LIMIT_EXCEEDED("中心联网中断，已超过脱机结算限额", "host unreachable and the offline limit is reached"),
    SETTLEMENT_IN_DOUBT("该笔结算正在恢复中，请将原卡放回读卡区", "the settlement is being recovered; put the same card back on the reader"),
    HOST_UNAVAILABLE_FOR_INVENTORY("医保中心暂时无法连接，进销存信息未上传，请稍后用同一报文ID重试",
            "host unreachable; the inventory message was not forwarded"),
    INVENTORY_REFUSED("医保中心拒收该进销存信息，请核对后重新上传", "the host refused the inventory message"),
    NOTHING_TO_TENDER("没有待收现金的结算", "no settlement with cash due at this counter yet"),
    CASH_SHORT("实收金额不足，请核对", "the cash handed over is less than the cash due"),
    NO_PRINTER("本终端未连接小票打印机", "no receipt printer is configured at this counter"),
    FEATURE_UNAVAILABLE("本终端暂不支持该业务", "not supported by this terminal yet");

    private final Text text;

    CounterRefusal(String messageZh, String message) {
        this.text = new Text(messageZh, message);
    }

    @Override
    public Text text() {
        return text;
    }
}
