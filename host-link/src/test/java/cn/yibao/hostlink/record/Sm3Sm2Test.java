package cn.yibao.hostlink.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.tls.Crypto;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sm3Sm2Test {

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

    @Test
    void sm2SignatureVerifiesWithTheJcaSm3WithSm2AndDefaultId() throws Exception {
        KeyPair kp = Crypto.sm2();
        byte[] msg = "settlement".getBytes(StandardCharsets.UTF_8);
        byte[] sig = Sm2.sign(kp.getPrivate(), msg);
        Signature jca = Signature.getInstance("SM3withSM2", Crypto.provider());
        jca.initVerify(kp.getPublic());
        jca.update(msg);
        assertTrue(jca.verify(sig));
        assertTrue(Sm2.verify(kp.getPublic(), msg, sig));
    }

    @Test
    void sm2RejectsOtherMessageOtherKeyAndGarbage() {
        KeyPair kp = Crypto.sm2();
        byte[] msg = "settlement".getBytes(StandardCharsets.UTF_8);
        byte[] sig = Sm2.sign(kp.getPrivate(), msg);
        assertFalse(Sm2.verify(kp.getPublic(), "settlemenT".getBytes(StandardCharsets.UTF_8), sig));
        assertFalse(Sm2.verify(Crypto.sm2().getPublic(), msg, sig));
        assertFalse(Sm2.verify(kp.getPublic(), msg, new byte[] {0x30, 0x02, 0x01}));
    }
}
