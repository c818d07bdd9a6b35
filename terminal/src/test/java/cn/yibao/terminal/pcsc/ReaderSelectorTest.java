package cn.yibao.terminal.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How a reader is chosen on the command line: by its index or by its name. */
class ReaderSelectorTest {

    @Test
    void readerSelectorsAreNumbersOrNames() {
        assertEquals(new ReaderSelector(null, 1), ReaderSelector.parse(" 1 "));
        assertEquals(new ReaderSelector("Virtual PCD 00 01", -1), ReaderSelector.parse("Virtual PCD 00 01"));
        assertThrows(IllegalArgumentException.class, () -> ReaderSelector.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> ReaderSelector.parse("x".repeat(201)));
    }
}
