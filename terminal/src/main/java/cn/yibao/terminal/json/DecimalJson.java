package cn.yibao.terminal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a decimal (a quantity, a unit price) from a JSON number or a numeric string, as the national
 * interface's clients send them ({@code 2}, {@code 2.0000}, {@code "2.0000"}, {@code "0.0325"}):
 * plain decimal notation, at most {@value #MAX_TEXT} characters. How many decimals a field takes is
 * for its record to check.
 */
public final class DecimalJson extends JsonDeserializer<BigDecimal> {

    /** The longest text read as a decimal. */
    public static final int MAX_TEXT = 30;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,20}(?:\\.\\d{1,20})?");

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            if (text.length() <= MAX_TEXT && DECIMAL.matcher(text).matches()) {
                return new BigDecimal(text);
            }
            if (t != JsonToken.VALUE_STRING && text.length() <= MAX_TEXT) {
                return p.getDecimalValue();
            }
        }
        ctxt.reportInputMismatch(this, "must be a number (or a numeric string) in plain decimal notation,"
                + " at most %d characters", MAX_TEXT);
        return null;
    }
}
