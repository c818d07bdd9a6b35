package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.json.MoneyJson;
import cn.yibao.terminal.json.TextDeserializer;
import cn.yibao.terminal.json.TextSerializer;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Keeps the counter's answer to a settlement in the journal, so that a request repeated with the
 * same msgid gets exactly the first answer (internal format: the records as JSON).
 */
final class ReplyCodec {

    private static final ObjectMapper JSON = FileJson.mapper(new SimpleModule("journal-answer")
            .addSerializer(LocalDateTime.class, new TextSerializer<>(LocalDateTime::toString))
            .addDeserializer(LocalDateTime.class, new TextDeserializer<>("an ISO-8601 date-time", LocalDateTime::parse))
            .addSerializer(LocalDate.class, new TextSerializer<>(LocalDate::toString))
            .addDeserializer(LocalDate.class, new TextDeserializer<>("an ISO-8601 date", LocalDate::parse))
            .addSerializer(Money.class, MoneyJson.FEN.serializer())
            .addDeserializer(Money.class, MoneyJson.FEN.deserializer())
            // the operator and memo are left out when absent: answers kept before them read and write as they were
            .setMixInAnnotation(Settlement.class, OptionalOperator.class));

    /** Leaves a settlement's absent operator and memo out of the stored form. */
    private abstract static class OptionalOperator {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String opter();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String opterName();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String memo();
    }

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
}
