package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.Settlement;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Function;

/**
 * Keeps the counter's answer to a settlement in the journal, so that a request repeated with the
 * same msgid gets exactly the first answer (internal format: the records as JSON).
 */
final class ReplyCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule("java-time")
                    .addSerializer(LocalDateTime.class, new ToStringSerializer<>())
                    .addDeserializer(LocalDateTime.class, new ParseDeserializer<>(LocalDateTime::parse))
                    .addSerializer(LocalDate.class, new ToStringSerializer<>())
                    .addDeserializer(LocalDate.class, new ParseDeserializer<>(LocalDate::parse))
                    .addSerializer(Money.class, new FenSerializer())
                    .addDeserializer(Money.class, new ParseDeserializer<>(text -> Money.ofFen(Long.parseLong(text)))))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ReplyCodec() {
    }

    static String write(Settlement s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the settlement answer", e);
        }
    }

    static Settlement read(String json) {
        try {
            return JSON.readValue(json, Settlement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journal holds an unreadable settlement answer", e);
        }
    }

    private static final class FenSerializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.fen());
        }
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class ParseDeserializer<T> extends JsonDeserializer<T> {
        private final Function<String, T> parse;

        ParseDeserializer(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return parse.apply(p.getValueAsString());
        }
    }
}
