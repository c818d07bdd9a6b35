package cn.yibao.card.app;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;

/** An enumerated value stored on the card as one byte, with a Chinese label for the counter. */
public interface CardCode {

    /**
     * The byte and the label of one constant.
     *
     * @param code the byte stored on the card, 0 to 255
     * @param labelZh the Chinese label for the counter
     */
    record Value(int code, String labelZh) {

        public Value {
            if (code < 0 || code > 0xFF || labelZh == null || labelZh.isBlank()) {
                throw new IllegalArgumentException("a card code is one byte with a Chinese label");
            }
        }
    }

    /** @return the constant's byte and label */
    Value value();

    /** @return the byte stored on the card */
    default int code() {
        return value().code();
    }

    /** @return the Chinese label for the counter */
    default String labelZh() {
        return value().labelZh();
    }

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
