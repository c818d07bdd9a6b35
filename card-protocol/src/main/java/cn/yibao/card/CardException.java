package cn.yibao.card;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one exception of the card layer: a card or PSAM status word, a malformed response, or a
 * session-level refusal. It is a {@link Refusal}: {@link #code()}, {@link #messageZh()} and
 * {@link #message()} are ready for the counter and the log. It never carries a PIN, a key or a full
 * card number. A debit whose outcome the card did not tell is the subclass
 * {@code cn.yibao.card.session.DebitInFlightException}, which names the debit.
 */
public class CardException extends RuntimeException implements Refusal {

    private static final long serialVersionUID = 1L;

    private final CardError error;
    private final int sw;
    private final String command;
    private final String detail;

    private CardException(CardError error, int sw, String command, String detail, Throwable cause) {
        super(englishMessage(error, sw, command, detail), cause);
        this.error = error;
        this.sw = sw;
        this.command = command;
        this.detail = detail;
    }

    /** A copy of {@code original} (same error, cause and stack trace), for a subclass that adds to it. */
    protected CardException(CardException original) {
        this(original.error, original.sw, original.command, original.detail, original.getCause());
        setStackTrace(original.getStackTrace());
    }

    /**
     * The exception for a status word other than 9000. Only
     * {@link cn.yibao.card.apdu.StatusWord#require} should call this.
     *
     * @param sw the status word
     * @param command a short name of the command that got it, e.g. {@code "DEBIT"}
     */
    public static CardException forStatusWord(int sw, String command) {
        return new CardException(CardError.forStatusWord(sw), sw, command, null, null);
    }

    /** A protocol or session error that has no status word. */
    public static CardException protocol(CardError error, String detail) {
        return new CardException(error, -1, null, detail, null);
    }

    /**
     * The link to a card or PSAM failed.
     *
     * @param error {@link CardError#CARD_REMOVED} or {@link CardError#PSAM_UNAVAILABLE}
     */
    public static CardException linkLost(CardError error, String command, Throwable cause) {
        return new CardException(error, -1, command, null, cause);
    }

    /** @return the error */
    public CardError error() {
        return error;
    }

    /** @return the status word, if the error came from one */
    public OptionalInt statusWord() {
        return sw < 0 ? OptionalInt.empty() : OptionalInt.of(sw);
    }

    /** @return the PIN tries left when the error is {@link CardError#PIN_WRONG} (0 when locked) */
    public OptionalInt pinTriesLeft() {
        if (error == CardError.PIN_WRONG) {
            return OptionalInt.of(sw & 0x0F);
        }
        return error == CardError.BLOCKED ? OptionalInt.of(0) : OptionalInt.empty();
    }

    /** @return the command that failed, if known */
    public Optional<String> command() {
        return Optional.ofNullable(command);
    }

    @Override
    public String code() {
        return error.code();
    }

    @Override
    public String messageZh() {
        return fill(error.messageZh(), error, sw);
    }

    @Override
    public String message() {
        return getMessage();
    }

    private static String englishMessage(CardError error, int sw, String command, String detail) {
        StringBuilder text = new StringBuilder(fill(error.message(), error, sw));
        if (sw >= 0) {
            text.append(String.format(" (SW %04X)", sw));
        }
        if (command != null) {
            text.append(" in ").append(command);
        }
        if (detail != null) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }

    private static String fill(String template, CardError error, int sw) {
        if (error == CardError.PIN_WRONG) {
            return String.format(template, sw & 0x0F);
        }
        if (error == CardError.UNEXPECTED_STATUS) {
            return String.format(template, Math.max(sw, 0));
        }
        return template;
    }
}
