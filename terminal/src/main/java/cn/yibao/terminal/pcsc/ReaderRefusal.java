package cn.yibao.terminal.pcsc;

import cn.yibao.card.Refusal;

/** What the PC/SC reader can refuse at the counter, before the card itself says anything. */
public enum ReaderRefusal implements Refusal.Named {

    /** pcscd is not running or the pcsclite library cannot be loaded. */
    PCSC_UNAVAILABLE("读卡服务不可用，请联系管理员", "PC/SC is not available (pcscd not running or library missing)"),
    /** No reader matches the configured name or slot. */
    NO_READER("未找到读卡器，请检查读卡器连接", "no matching card reader"),
    /** No card was presented within the timeout. */
    NO_CARD("未检测到社保卡，请将卡片放到读卡区", "no card presented within the timeout"),
    /** The card left the field during a transaction. */
    CARD_REMOVED("社保卡已离开读卡区，请重新放卡", "the card left the reader or the link failed");

    private final Text text;

    ReaderRefusal(String messageZh, String message) {
        this.text = new Text(messageZh, message);
    }

    @Override
    public Text text() {
        return text;
    }
}
