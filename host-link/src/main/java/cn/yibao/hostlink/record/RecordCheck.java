package cn.yibao.hostlink.record;

import cn.yibao.card.Refusal;

/**
 * Outcome of the host's verification of one uploaded record. {@link #ACCEPTED} and
 * {@link #DUPLICATE} are not refusals; every other value is, with its own stable code, and flags
 * the terminal. The declaration order of the refusals is the verification order.
 */
public enum RecordCheck implements Refusal.Named {
    ACCEPTED("已接收", "record accepted"),
    DUPLICATE("重复上传，已忽略", "identical record already held; acknowledged again"),
    IDENTITY_MISMATCH("记录终端与证书不符", "record's terminal differs from the TLS certificate's"),
    TERMINAL_UNKNOWN("终端未登记", "terminal has no enrolled signing certificate"),
    RECORD_ALTERED("记录内容被篡改", "record content does not match its declared hash or item digest"),
    SIGNATURE_INVALID("记录签名无效", "SM2 signature does not verify under the terminal's certificate"),
    RECORD_KIND_UNKNOWN("记录类型无法识别", "record result is not of a kind this host knows, or not well-formed"),
    SEQUENCE_CONFLICT("序号已被其他记录占用", "a different record already holds this sequence number"),
    SEQUENCE_GAP("记录序号不连续", "sequence number skips ahead of the next expected one"),
    CHAIN_BROKEN("记录链断裂（顺序被改动）", "previous-record hash does not match the record before it"),
    RECORD_REPLAYED("重放的交易", "msgid, or the card transaction (card, TTI, counter), already used by another record"),
    TAC_INVALID("卡片交易认证码无效", "card TAC does not verify"),
    POLICY_UNKNOWN("政策包版本未知", "the record's policy-pack version is unknown to the host"),
    SPLIT_MISMATCH("结算分割复算不一致", "settlement split does not re-compute with the policy pack");

    private final Text text;

    RecordCheck(String zh, String en) {
        this.text = new Text(zh, en);
    }

    /** @return true for {@link #ACCEPTED} and {@link #DUPLICATE} */
    public boolean passed() {
        return this == ACCEPTED || this == DUPLICATE;
    }

    @Override
    public Text text() {
        return text;
    }
}
