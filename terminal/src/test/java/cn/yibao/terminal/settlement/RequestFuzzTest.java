package cn.yibao.terminal.settlement;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.yibao.terminal.json.InvalidInputException;
import cn.yibao.terminal.policy.PolicyPacks;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutated request documents: the reader either accepts one or throws {@link InvalidInputException}
 * (never anything else, which would surface as a stack trace), and an accepted one either settles
 * or is refused. The seed is printed on failure; rerun with {@code -Dsettlement.seed=…}.
 */
class RequestFuzzTest {

    private static final String[] TOKENS = {"\"", "{", "}", "[", "]", ":", ",", "null", "true", "-", "1e9",
        "0.001", "\"A\"", "\"N\"", "\"RESIDENT\"", "\"ADULT\"", "\"PHARMACY\"", "99999999999", "\\u0000", "1.5",
        "\"items\"", "\"amount\"", " ", "é"};

    @Test
    void mutatedRequestsFailOnlyWithFieldErrorsOrRefusals() {
        long seed = Long.getLong("settlement.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        String valid = RequestJsonTest.VALID;
        int accepted = 0;
        for (int i = 0; i < 5_000; i++) {
            String doc = mutate(valid, random, 1 + random.nextInt(3));
            try {
                SettlementRequest request = RequestJson.read(doc.getBytes(StandardCharsets.UTF_8));
                accepted++;
                SettlementEngine.settle(request, PolicyPacks.changchun2010());
            } catch (InvalidInputException | SettlementRefusedException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("seed " + seed + ", case " + i + ": " + e + " for\n" + doc, e);
            }
        }
        assertTrue(accepted > 0, "no mutation was accepted");
    }

    private static String mutate(String doc, SplittableRandom random, int times) {
        StringBuilder s = new StringBuilder(doc);
        for (int t = 0; t < times; t++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                default -> s.replace(at, Math.min(s.length(), at + 1 + random.nextInt(6)),
                        TOKENS[random.nextInt(TOKENS.length)]);
            }
        }
        return s.toString();
    }
}
