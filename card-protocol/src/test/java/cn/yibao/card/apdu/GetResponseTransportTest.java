package cn.yibao.card.apdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetResponseTransportTest {

    private final List<String> sent = new ArrayList<>();

    @Test
    void chains61xxIntoOneResponse() {
        GetResponseTransport t = new GetResponseTransport(c -> {
            sent.add(Hex.of(c));
            return sent.size() == 1 ? Hex.parse("AA6102") : Hex.parse("BBCC9000");
        });
        assertEquals("AABBCC9000", Hex.of(t.transceive(Hex.parse("80B4000000"))));
        assertEquals(List.of("80B4000000", "00C0000002"), sent);
    }

    @Test
    void resendsOnceWithTheLeThe6CxxAsksFor() {
        GetResponseTransport t = new GetResponseTransport(c -> {
            sent.add(Hex.of(c));
            return sent.size() == 1 ? Hex.parse("6C08") : Hex.parse("01020304050607089000");
        });
        assertEquals("01020304050607089000", Hex.of(t.transceive(Hex.parse("0084000004"))));
        assertEquals("0084000008", sent.get(1));
    }

    @Test
    void endless61xxIsBounded() {
        GetResponseTransport t = new GetResponseTransport(c -> {
            sent.add(Hex.of(c));
            return Hex.parse("01610A");
        });
        CardException e = assertThrows(CardException.class, () -> t.transceive(Hex.parse("80B4000000")));
        assertEquals(CardError.GET_RESPONSE_LOOP, e.error());
        assertEquals(1 + GetResponseTransport.MAX_ROUNDS, sent.size());
    }

    @Test
    void repeated6CxxIsBounded() {
        GetResponseTransport t = new GetResponseTransport(c -> Hex.parse("6C10"));
        assertEquals(CardError.GET_RESPONSE_LOOP,
                assertThrows(CardException.class, () -> t.transceive(Hex.parse("0084000008"))).error());
    }

    @Test
    void chainedLengthIsBounded() {
        byte[] big = new byte[300];
        big[298] = 0x61;
        GetResponseTransport t = new GetResponseTransport(c -> big.clone());
        assertEquals(CardError.RESPONSE_TOO_LONG,
                assertThrows(CardException.class, () -> t.transceive(Hex.parse("80B4000000"))).error());
    }
}
