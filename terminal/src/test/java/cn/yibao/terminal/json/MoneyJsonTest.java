package cn.yibao.terminal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MoneyJsonTest {

    private static ObjectMapper mapper(MoneyJson unit) {
        return new ObjectMapper().registerModule(new SimpleModule()
                .addSerializer(Money.class, unit.serializer())
                .addDeserializer(Money.class, unit.deserializer())
                .addSerializer(LocalDate.class, new TextSerializer<>(LocalDate::toString))
                .addDeserializer(LocalDate.class, new TextDeserializer<>("a date yyyy-MM-dd", LocalDate::parse)));
    }

    @Test
    void yuanIsANumberWithTwoDecimalsAndFenAWholeNumber() throws Exception {
        assertEquals("59.90", mapper(MoneyJson.YUAN).writeValueAsString(Money.ofFen(5990)));
        assertEquals("-12.30", mapper(MoneyJson.YUAN).writeValueAsString(Money.ofFen(-1230)));
        assertEquals("5990", mapper(MoneyJson.FEN).writeValueAsString(Money.ofFen(5990)));
        assertEquals("-1230", mapper(MoneyJson.FEN).writeValueAsString(Money.ofFen(-1230)));
        assertEquals("0", mapper(MoneyJson.FEN).writeValueAsString(Money.ZERO));
    }

    @Test
    void amountsAreReadFromNumbersAndNumericStrings() throws Exception {
        ObjectMapper yuan = mapper(MoneyJson.YUAN);
        assertEquals(Money.ofFen(1250), yuan.readValue("12.5", Money.class));
        assertEquals(Money.ofFen(1250), yuan.readValue("\"12.50\"", Money.class));
        assertEquals(Money.ofFen(1200), yuan.readValue("12", Money.class));
        ObjectMapper fen = mapper(MoneyJson.FEN);
        assertEquals(Money.ofFen(1250), fen.readValue("1250", Money.class));
        assertEquals(Money.ofFen(1250), fen.readValue("\"1250\"", Money.class));
    }

    @Test
    void whatTheUnitCannotHoldIsAnInputError() {
        ObjectMapper yuan = mapper(MoneyJson.YUAN);
        assertRefused(InvalidFormatException.class, yuan, "12.345", Money.class, "more than two decimals");
        assertRefused(InvalidFormatException.class, yuan, "\"abc\"", Money.class, "not an amount");
        assertThrows(MismatchedInputException.class, () -> yuan.readValue("[1]", Money.class));
        assertThrows(InvalidFormatException.class, () -> yuan.readValue("1e12", Money.class));
        assertThrows(InvalidFormatException.class, () -> mapper(MoneyJson.FEN).readValue("12.5", Money.class));
        assertThrows(InvalidFormatException.class, () -> mapper(MoneyJson.FEN).readValue("\"1e20\"", Money.class));
        assertRefused(InvalidFormatException.class, mapper(MoneyJson.FEN), "1250.0", Money.class, "not a whole number");
        assertRefused(InvalidFormatException.class, mapper(MoneyJson.FEN), "\"1e3\"", Money.class, "not a whole number");
    }

    @Test
    void anAmountTextLongerThanMoneyReadsIsRefusedInBothUnits() throws Exception {
        ObjectMapper yuan = mapper(MoneyJson.YUAN);
        assertEquals(Money.ofFen(5990), yuan.readValue("\"00000000000000059.90\"", Money.class));
        assertRefused(InvalidFormatException.class, yuan, "\"000000000000000059.90\"", Money.class, "not an amount");
        assertRefused(InvalidFormatException.class, yuan, "59.900000000000000000", Money.class, "not an amount");
        assertRefused(InvalidFormatException.class, mapper(MoneyJson.FEN), "\"000000000000000005990\"", Money.class,
                "not an amount");
    }

    @Test
    void textValuesAreStringsAndRefusalsNameTheRule() throws Exception {
        ObjectMapper json = mapper(MoneyJson.YUAN);
        assertEquals("\"2026-11-23\"", json.writeValueAsString(LocalDate.of(2026, 11, 23)));
        assertEquals(LocalDate.of(2026, 11, 23), json.readValue("\"2026-11-23\"", LocalDate.class));
        assertRefused(MismatchedInputException.class, json, "\"2026-13-01\"", LocalDate.class,
                "must be a date yyyy-MM-dd, not \"2026-13-01\"");
        assertRefused(MismatchedInputException.class, json, "5", LocalDate.class, "must be a date yyyy-MM-dd (a string)");
        assertThrows(IllegalArgumentException.class, () -> new TextDeserializer<>(" ", LocalDate::parse));
    }

    private static void assertRefused(Class<? extends Exception> error, ObjectMapper json, String input, Class<?> type,
            String message) {
        Exception e = assertThrows(error, () -> json.readValue(input, type));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
