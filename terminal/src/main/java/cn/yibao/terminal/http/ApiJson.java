package cn.yibao.terminal.http;

import cn.yibao.card.Coded;
import cn.yibao.card.Money;
import cn.yibao.terminal.counter.ChrgitmLv;
import cn.yibao.terminal.json.MoneyJson;
import cn.yibao.terminal.json.TextDeserializer;
import cn.yibao.terminal.json.TextSerializer;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import cn.yibao.terminal.json.DecimalJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * The JSON mapping at the API boundary: national snake_case names from the records' components,
 * amounts as numbers with two decimals (fen inside), quantities and unit prices as numbers or
 * numeric strings, times as {@code yyyy-MM-dd HH:mm:ss} (strictly), catalog
 * classes by their code, nulls left out.
 */
public final class ApiJson {

    /** {@code inf_time} and every time field: the ISO calendar, strictly (no 24:00, no February 30). */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    /** The same time as a .NET {@code DateTime} serializes it ({@code 2026-12-06T10:00:00}), also read. */
    private static final DateTimeFormatter DOTNET_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final ObjectMapper MAPPER = build();

    private ApiJson() {
    }

    /** @return the shared, configured mapper (thread-safe) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        SimpleModule module = new SimpleModule("yibao-api");
        module.addSerializer(Money.class, MoneyJson.YUAN.serializer());
        module.addDeserializer(Money.class, MoneyJson.YUAN.deserializer());
        module.addSerializer(LocalDateTime.class, new TextSerializer<>(t -> t.format(TIME)));
        module.addDeserializer(LocalDateTime.class, new TextDeserializer<>("a time yyyy-MM-dd HH:mm:ss", ApiJson::time));
        module.addDeserializer(BigDecimal.class, new DecimalJson());
        module.addSerializer(LocalDate.class, new TextSerializer<>(LocalDate::toString));
        module.addDeserializer(LocalDate.class, new TextDeserializer<>("a date yyyy-MM-dd", LocalDate::parse));
        module.addSerializer(ChrgitmLv.class, new TextSerializer<>(ChrgitmLv::code));
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
        // 1.5 for an integer, no 1 for a flag (amounts, read by MoneyJson.YUAN, and decimals such as
        // cnt and pric, read by DecimalJson, take numeric strings as the national clients send them)
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

    /**
     * @return the time {@code text} gives as {@code yyyy-MM-dd HH:mm:ss} (or with a {@code T}, as
     *     .NET writes it), a real date and time of the ISO calendar
     * @throws java.time.format.DateTimeParseException for any other text
     */
    public static LocalDateTime time(String text) {
        return LocalDateTime.parse(text, text.length() > 10 && text.charAt(10) == 'T' ? DOTNET_TIME : TIME);
    }

    /** @return the class with this code, or else with this name ({@code "02"} or {@code "B"}) */
    private static ChrgitmLv chrgitmLv(String text) {
        return Coded.byCode(ChrgitmLv.class, text).orElseGet(() -> ChrgitmLv.valueOf(text));
    }
}
