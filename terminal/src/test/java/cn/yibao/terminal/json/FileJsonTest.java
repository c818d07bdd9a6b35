package cn.yibao.terminal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Policy packs and files are read strictly, and a malformed one is named and located. */
class FileJsonTest {

    @Test
    void parseErrorsAreLocated() {
        String message = assertThrows(InvalidInputException.class, () -> FileJson.parse(
                "{\"a\": 1,\n \"a\": 2}".getBytes(StandardCharsets.UTF_8), 1 << 20, "test")).getMessage();
        assertTrue(message.startsWith("test: malformed JSON at line 2"), message);
        assertEquals("test: larger than 2 bytes", assertThrows(InvalidInputException.class,
                () -> FileJson.parse(new byte[3], 2, "test")).getMessage());
    }
}
