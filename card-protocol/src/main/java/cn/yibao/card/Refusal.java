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
}
