package cn.yibao.card.app;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;

/** An enumerated value stored on the card as one byte, with a Chinese label for the counter. */
public interface CardCode {

    /** @return the byte stored on the card */
    int code();

    /** @return the Chinese label for the counter */
    String labelZh();

    /**
     * @return the constant of {@code type} stored as {@code code}
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} for an unknown code
     */
    static <E extends Enum<E> & CardCode> E of(Class<E> type, int code) {
        for (E v : type.getEnumConstants()) {
            if (v.code() == code) {
                return v;
            }
        }
        throw CardException.protocol(CardError.MALFORMED_RESPONSE, "unknown " + type.getSimpleName() + " code " + code);
    }
}
