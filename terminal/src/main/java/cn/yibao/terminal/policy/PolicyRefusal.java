package cn.yibao.terminal.policy;

import cn.yibao.card.Refusal;

/** Why a policy pack is refused before use. */
public enum PolicyRefusal implements Refusal.Named {
    /** The signature does not match the pack: it was altered after signing, or signed by another key. */
    POLICY_SIGNATURE_INVALID("医保政策包签名校验失败（可能被篡改），拒绝使用",
            "the policy pack's signature does not verify (tampered?); pack refused"),
    /** The pack names a signing key this terminal does not trust. */
    POLICY_SIGNER_UNKNOWN("医保政策包签名者不受信任，拒绝使用", "the policy pack is signed by an untrusted key; pack refused"),
    /** The terminal requires signed packs and this one is not signed. */
    POLICY_UNSIGNED("医保政策包未经中心签名，拒绝使用", "the policy pack is not signed; pack refused"),
    /** The pack is not in force on the settlement date. */
    POLICY_NOT_EFFECTIVE("医保政策包不在有效期内，拒绝使用", "the policy pack is not in force on this date; pack refused");

    private final Text text;

    PolicyRefusal(String messageZh, String message) {
        this.text = new Text(messageZh, message);
    }

    @Override
    public Text text() {
        return text;
    }
}
