package cn.yibao.terminal.counter.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host's address list: parsing, order of preference, and what is refused. */
class HostAddressesTest {

    private static final HostAddress A = new HostAddress("127.0.0.1", 7443);
    private static final HostAddress B = new HostAddress("host-b.example", 7444);

    @Test
    void oneAddressIsAListOfOne() {
        HostAddresses one = HostAddresses.parse("127.0.0.1:7443");
        assertEquals(List.of(A), one.all());
        assertEquals(A, one.preferred());
        assertEquals("127.0.0.1:7443", one.toString());
    }

    @Test
    void severalAddressesKeepTheirOrderOfPreference() {
        HostAddresses two = HostAddresses.parse(" host-b.example:7444 , 127.0.0.1:7443");
        assertEquals(List.of(B, A), two.all());
        assertEquals(B, two.preferred());
        assertEquals("host-b.example:7444,127.0.0.1:7443", two.toString());
        assertEquals(two, HostAddresses.parse(two.toString()), "written as it is read");
    }

    @Test
    void aBadEntryIsNamedWithItsPosition() {
        assertMessage("address 2 \"h:x\"", "127.0.0.1:7443,h:x");
        assertMessage("address 2 \"\"", "127.0.0.1:7443,");
        assertMessage("address 1 \"a b:1\"", "a b:1,127.0.0.1:7443");
        assertMessage("127.0.0.1:7443 listed twice", "127.0.0.1:7443,host-b.example:7444,127.0.0.1:7443");
        assertThrows(IllegalArgumentException.class, () -> HostAddresses.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> HostAddresses.parse(null));
    }

    @Test
    void theListIsBoundedAndImmutable() {
        List<HostAddress> many = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= HostAddresses.MAX + 1; i++) {
            many.add(new HostAddress("127.0.0.1", 7000 + i));
            text.append(i > 1 ? "," : "").append("127.0.0.1:").append(7000 + i);
        }
        assertEquals(HostAddresses.MAX, new HostAddresses(many.subList(0, HostAddresses.MAX)).size());
        assertThrows(IllegalArgumentException.class, () -> new HostAddresses(many));
        assertMessage("at most 16", text.toString());
        assertThrows(IllegalArgumentException.class, () -> new HostAddresses(List.of()));

        List<HostAddress> source = new ArrayList<>(List.of(A));
        HostAddresses list = new HostAddresses(source);
        source.add(B);
        assertEquals(1, list.size(), "a copy is kept");
        assertThrows(UnsupportedOperationException.class, () -> list.all().add(B));
    }

    private static void assertMessage(String expected, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostAddresses.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
