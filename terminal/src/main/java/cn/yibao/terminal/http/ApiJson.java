package cn.yibao.terminal.http;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.ChrgitmLv;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The JSON mapping at the API boundary: national snake_case names from the records' components,
 * amounts as numbers with two decimals (fen inside), times as {@code yyyy-MM-dd HH:mm:ss}, catalog
 * classes by their code, nulls left out.
 */
public final class ApiJson {

    /** {@code inf_time} and every time field. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final ObjectMapper MAPPER = build();

    private ApiJson() {
    }

    /** @return the shared, configured mapper (thread-safe) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        SimpleModule module = new SimpleModule("yibao-api");
        module.addSerializer(Money.class, new MoneySerializer());
        module.addDeserializer(Money.class, new MoneyDeserializer());
        module.addSerializer(LocalDateTime.class, new ToStringSerializer<>(t -> t.format(TIME)));
        module.addDeserializer(LocalDateTime.class, new TextDeserializer<>("a time yyyy-MM-dd HH:mm:ss", s -> LocalDateTime.parse(s, TIME)));
        module.addSerializer(LocalDate.class, new ToStringSerializer<>(LocalDate::toString));
        module.addDeserializer(LocalDate.class, new TextDeserializer<>("a date yyyy-MM-dd", LocalDate::parse));
        module.addSerializer(ChrgitmLv.class, new ToStringSerializer<>(ChrgitmLv::code));
        module.addDeserializer(ChrgitmLv.class, new TextDeserializer<>("one of 01, 02, 03, 09", ApiJson::chrgitmLv));
        JsonMapper.Builder builder = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(module);
        // a field is read as the JSON type docs/openapi.yaml gives it: no 94 for a name, no "2" or
        // 1.5 for a count, no 1 for a flag (amounts, read by MoneyDeserializer, take numeric strings)
        builder.withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        builder.withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        builder.withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        builder.withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
        return builder.build();
    }

    private static ChrgitmLv chrgitmLv(String text) {
        return Arrays.stream(ChrgitmLv.values()).filter(c -> c.code().equals(text) || c.name().equals(text))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown chrgitm_lv " + text));
    }

    /** Money as a JSON number in yuan with two decimals. */
    private static final class MoneySerializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(value.toYuan());
        }
    }

    /** Money from a JSON number or numeric string with at most two decimals. */
    private static final class MoneyDeserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return convert(p, ctxt, p.getDecimalValue());
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return convert(p, ctxt, new BigDecimal(p.getText()));
                } catch (NumberFormatException e) {
                    return (Money) ctxt.handleWeirdStringValue(Money.class, p.getText(), "not an amount");
                }
            }
            return (Money) ctxt.handleUnexpectedToken(Money.class, p);
        }

        private static Money convert(JsonParser p, DeserializationContext ctxt, BigDecimal yuan) throws IOException {
            try {
                return Money.ofYuan(yuan);
            } catch (IllegalArgumentException | ArithmeticException e) {
                return (Money) ctxt.handleWeirdNumberValue(Money.class, yuan, e.getMessage());
            }
        }
    }

    /** Writes a value as the string a function gives. */
    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        private final Function<T, String> text;

        ToStringSerializer(Function<T, String> text) {
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(text.apply(value));
        }
    }

    /** Reads a value from a JSON string through a parsing function. */
    private static final class TextDeserializer<T> extends JsonDeserializer<T> {
        private final String rule;
        private final Function<String, T> parse;

        TextDeserializer(String rule, Function<String, T> parse) {
            this.rule = rule;
            this.parse = parse;
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
                        text.length() > 40 ? text.substring(0, 40) + "…" : text);
                return null;
            }
        }
    }
}
