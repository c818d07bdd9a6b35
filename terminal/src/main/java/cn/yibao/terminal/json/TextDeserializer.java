package cn.yibao.terminal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads a value from a JSON string through a parsing function. Anything but a string, or a string
 * the function refuses (throws), is an input mismatch whose message gives the rule, e.g.
 * {@code must be a date yyyy-MM-dd, not "2026-13-01"}.
 *
 * @param <T> the type read
 */
public final class TextDeserializer<T> extends JsonDeserializer<T> {

    private static final int QUOTED_MAX = 40;

    private final String rule;
    private final Function<String, ? extends T> parse;

    /**
     * @param rule  what the string must be, for error messages (e.g. {@code "a date yyyy-MM-dd"})
     * @param parse the value of a string; throws for a string that is not one
     */
    public TextDeserializer(String rule, Function<String, ? extends T> parse) {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("a text deserializer needs the rule its strings follow");
        }
        this.rule = rule;
        this.parse = Objects.requireNonNull(parse, "parse");
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            ctxt.reportInputMismatch(this, "must be %s (a string)", rule);
        }
        try {
            return parse.apply(p.getText());
        } catch (RuntimeException e) {
            String text = p.getText();
            ctxt.reportInputMismatch(this, "must be %s, not \"%s\"", rule,
                    text.length() > QUOTED_MAX ? text.substring(0, QUOTED_MAX) + "…" : text);
            return null;
        }
    }
}
