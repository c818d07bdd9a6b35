package cn.yibao.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.CardError;
import cn.yibao.card.apdu.Hex;
import cn.yibao.card.app.CardCommands;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.crypto.PurseCrypto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hex examples and vectors in docs/card-application.md are what the code computes. */
class CardApplicationDocTest {

    private static final Pattern VECTOR = Pattern.compile(
            "DPK +(\\p{XDigit}{32})\\n"
            + "input ([\\p{XDigit} ]+?) (?:\\(‖ 00×8\\) )?-> SESPK (\\p{XDigit}+)\\n"
            + "MAC1 +over ([\\p{XDigit} ]+?) +-> (\\p{XDigit}{8})\\n"
            + "MAC2 +over ([\\p{XDigit} ]+?) +-> (\\p{XDigit}{8})\\n"
            + "(?:diversify MK = DPK above, serial (\\p{XDigit}{16}) +-> (\\p{XDigit}{32})\\n)?");

    private final String doc = read();

    @Test
    void bothVectorsAreWhatTheCodeComputes() {
        Matcher m = VECTOR.matcher(doc);
        int found = 0;
        for (Algorithm alg : Algorithm.values()) {
            assertTrue(m.find(), "vector for " + alg);
            byte[] key = Hex.parse(m.group(1));
            byte[] sessionKey = PurseCrypto.sessionKey(alg, key, Hex.parse(m.group(2)));
            assertEquals(m.group(3), Hex.of(sessionKey));
            assertEquals(m.group(5), Hex.of(PurseCrypto.mac(alg, sessionKey, Hex.parse(m.group(4)))));
            assertEquals(m.group(7), Hex.of(PurseCrypto.mac(alg, sessionKey, Hex.parse(m.group(6)))));
            if (m.group(8) != null) {
                assertEquals(m.group(9), Hex.of(PurseCrypto.diversify(alg, key, Hex.parse(m.group(8)))));
            }
            found++;
        }
        assertEquals(2, found);
    }

    @Test
    void theSelectExampleIsTheCommandSent() {
        assertTrue(doc.contains("`00 A4 04 00 0F 7378312E73682EC9E7BBE1B1A3D5CF 00`"));
        assertEquals("00A404000F7378312E73682EC9E7BBE1B1A3D5CF00", Hex.of(CardCommands.selectSsse().bytes()));
        assertTrue(doc.contains("`00 B2 <n> 44 1C`"));
        assertEquals("00B203441C", Hex.of(CardCommands.readLog(3).bytes()));
    }

    @Test
    void everyErrorCodeAndPersonaIsDocumented() {
        for (CardError e : CardError.values()) {
            assertTrue(doc.contains("`" + e.code() + "`"), e.code());
        }
        for (Persona p : Personas.all()) {
            assertTrue(doc.contains("`" + p.id() + "`"), p.id());
        }
    }

    private static String read() {
        try {
            return Files.readString(Path.of("..", "docs", "card-application.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("docs/card-application.md not found from " + Path.of("").toAbsolutePath(), e);
        }
    }
}
