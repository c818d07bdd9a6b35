package cn.yibao.card;

/**
 * A refusal a user can meet: a stable code, a Chinese message for the counter and an English
 * message for logs. Every module's refusal enums implement this so that the CLI, the HTTP API and
 * the cashier console render them the same way.
 */
public interface Refusal {

    /** @return the stable machine-readable code, e.g. {@code "CARD_LOST"} */
    String code();

    /** @return the message shown at the counter, in simplified Chinese */
    String messageZh();

    /** @return the message written to logs, in English */
    String message();

    /**
     * The two messages of a refusal.
     *
     * @param zh the message shown at the counter, in simplified Chinese
     * @param en the message written to logs, in English
     */
    record Text(String zh, String en) {

        public Text {
            if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
                throw new IllegalArgumentException("a refusal needs a Chinese and an English message");
            }
        }
    }

    /**
     * A refusal enum: the constant's name is its stable code and {@link #text()} holds its messages,
     * so that each enum only declares its constants.
     */
    interface Named extends Refusal {

        /** @return the constant's name (implemented by {@link Enum#name()}) */
        String name();

        /** @return the two messages */
        Text text();

        @Override
        default String code() {
            return name();
        }

        @Override
        default String messageZh() {
            return text().zh();
        }

        @Override
        default String message() {
            return text().en();
        }
    }
}
