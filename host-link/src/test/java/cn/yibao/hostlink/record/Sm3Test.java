package cn.yibao.hostlink.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known-answer tests for SM3 (GB/T 32905-2016 examples). */
class Sm3Test {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sm3KnownAnswerAbc() {
        // GB/T 32905-2016, example 1
        assertArrayEquals(HEX.parseHex("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
                Sm3.hash("abc"));
    }

    @Test
    void sm3KnownAnswer512Bits() {
        // GB/T 32905-2016, example 2: "abcd" repeated 16 times
        assertArrayEquals(HEX.parseHex("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"),
                Sm3.hash("abcd".repeat(16)));
    }
}
