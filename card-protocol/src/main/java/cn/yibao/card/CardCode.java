package cn.yibao.card;

import java.util.Optional;

/**
 * A {@link Coded} value stored on the card as one byte: its code is the byte in decimal
 * ({@code "0"} to {@code "255"}), its Chinese name the label shown at the counter.
 */
public interface CardCode extends Coded {

    /**
     * @return the byte stored on the card, 0 to 255
     * @throws IllegalStateException if the constant's code is not such a byte in decimal
     */
    default int cardByte() {
        String code = code();
        int value;
        try {
            value = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("a card code is one byte in decimal, not " + code, e);
        }
        if (value < 0 || value > 0xFF || !Integer.toString(value).equals(code)) {
            throw new IllegalStateException("a card code is one byte in decimal, not " + code);
        }
        return value;
    }

    /**
     * @return the constant of {@code type} stored as {@code cardByte}
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} for an unknown byte
     */
    static <E extends Enum<E> & CardCode> E of(Class<E> type, int cardByte) {
        return find(type, cardByte).orElseThrow(() -> CardException.protocol(
                CardError.MALFORMED_RESPONSE, "unknown " + type.getSimpleName() + " code " + cardByte));
    }

    /** @return the constant of {@code type} stored as {@code cardByte}, if there is one */
    static <E extends Enum<E> & CardCode> Optional<E> find(Class<E> type, int cardByte) {
        return Coded.byCode(type, Integer.toString(cardByte));
    }
}
