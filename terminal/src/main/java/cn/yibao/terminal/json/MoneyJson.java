package cn.yibao.terminal.json;

import cn.yibao.card.Money;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Money as a JSON number, in one of the two units in use: {@link #YUAN} with two decimals (the HIS
 * HTTP API, the supervision policy) or whole {@link #FEN} (the settlement answers the journal keeps).
 * Reading also takes a numeric string; a text longer than {@link Money#MAX_TEXT_LENGTH} (as
 * {@link Money#parseYuan} refuses it), a string that is no number, an amount the unit cannot hold
 * exactly (more than two decimals of a yuan, a fraction of a fen) or one out of range is refused
 * through Jackson's input-error handling, so that the API answers 400 naming the field.
 */
public enum MoneyJson {

    /** Yuan with two decimals, e.g. {@code 59.90}. */
    YUAN {
        @Override
        BigDecimal number(Money m) {
            return m.toYuan();
        }

        @Override
        Money money(BigDecimal number) {
            return Money.ofYuan(number);
        }
    },

    /** Whole fen, e.g. {@code 5990}. */
    FEN {
        @Override
        BigDecimal number(Money m) {
            return BigDecimal.valueOf(m.fen());
        }

        @Override
        Money money(BigDecimal number) {
            if (number.scale() != 0) {
                throw new ArithmeticException("not a whole number of fen: " + number);
            }
            return Money.ofFen(number.longValueExact());
        }
    };

    abstract BigDecimal number(Money m);

    /** @throws IllegalArgumentException or ArithmeticException if the unit cannot hold it */
    abstract Money money(BigDecimal number);

    /** @return a serializer writing amounts in this unit */
    public JsonSerializer<Money> serializer() {
        return new Writer();
    }

    /** @return a deserializer reading amounts in this unit, from numbers or numeric strings */
    public JsonDeserializer<Money> deserializer() {
        return new Reader();
    }

    /** Writes in the enclosing unit. */
    private final class Writer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(number(value));
        }
    }

    /** Reads in the enclosing unit. */
    private final class Reader extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
            if ((number || t == JsonToken.VALUE_STRING) && p.getText().length() > Money.MAX_TEXT_LENGTH) {
                return (Money) ctxt.handleWeirdStringValue(Money.class, p.getText(), "not an amount");
            }
            if (number) {
                return convert(ctxt, p.getDecimalValue());
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return convert(ctxt, new BigDecimal(p.getText()));
                } catch (NumberFormatException e) {
                    return (Money) ctxt.handleWeirdStringValue(Money.class, p.getText(), "not an amount");
                }
            }
            return (Money) ctxt.handleUnexpectedToken(Money.class, p);
        }

        private Money convert(DeserializationContext ctxt, BigDecimal number) throws IOException {
            try {
                return money(number);
            } catch (IllegalArgumentException | ArithmeticException e) {
                return (Money) ctxt.handleWeirdNumberValue(Money.class, number, e.getMessage());
            }
        }
    }
}
