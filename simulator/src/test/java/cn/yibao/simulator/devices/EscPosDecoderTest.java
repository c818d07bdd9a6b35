package cn.yibao.simulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.terminal.devices.EscPos;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EscPosDecoderTest {

    private final List<String> lines = new ArrayList<>();
    private final List<Integer> cuts = new ArrayList<>();
    private final List<Integer> statusRequests = new ArrayList<>();
    private final EscPosDecoder decoder = new EscPosDecoder(new EscPosDecoder.Listener() {
        @Override
        public void line(String text) {
            lines.add(text);
        }

        @Override
        public void cut() {
            cuts.add(lines.size());
        }
    }, statusRequests::add);

    @Test
    void aJobDecodesToItsLinesAndOneCut() {
        List<String> job = List.of("  长春市医疗保险结算单", "统筹基金支付     7568.00", "");
        decoder.accept(EscPos.job(job, true));
        assertEquals(job, lines);
        assertEquals(List.of(3), cuts);
    }

    @Test
    void bytesArrivingOneAtATimeDecodeTheSame() {
        byte[] bytes = EscPos.job(List.of("现金支付 2132.00"), true);
        for (byte b : bytes) {
            decoder.accept(new byte[] {b});
        }
        assertEquals(List.of("现金支付 2132.00"), lines);
        assertEquals(1, cuts.size());
    }

    @Test
    void statusRequestsAreReported() {
        decoder.accept(EscPos.statusRequest(1));
        decoder.accept(EscPos.statusRequest(4));
        assertEquals(List.of(1, 4), statusRequests);
    }

    @Test
    void garbageNeverThrowsAndLinesStayBounded() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] junk = new byte[random.nextInt(600)];
            random.nextBytes(junk);
            decoder.accept(junk);
        }
        lines.forEach(l -> assertEquals(true, l.length() <= EscPosDecoder.MAX_LINE_BYTES, l));
    }
}
