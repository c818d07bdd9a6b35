package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.crypto.Algorithm;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.tls.Crypto;
import cn.yibao.terminal.json.FileJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The host's split re-computation accepts exactly the result the terminal writes for the record's
 * items: the same figures in another form, or with a field more, do not re-compute.
 */
class EngineSplitRecomputerTest {

    private static final Instant TIME = Instant.parse("2026-11-23T02:00:00Z");

    private final EngineSplitRecomputer recomputer = EngineSplitRecomputer.bundled();
    private final RecordSigner signer = new RecordSigner("T1", Crypto.sm2().getPrivate(), 0, null);

    private UploadedRecord sale(long totalFen, boolean cash) {
        SimulatedSales.Card card = new SimulatedSales.Card(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, Algorithm.SM4, 100_000);
        return SimulatedSales.sale(signer, "M1", card, "000000000001", 1, totalFen, cash, TIME);
    }

    private boolean reproduces(SignedRecord r, String items) {
        boolean withParsed = recomputer.reproduces(r, items, RecordResult.parse(r.result()));
        assertTrue(withParsed == recomputer.reproduces(r, items), "both entry points agree");
        return withParsed;
    }

    @Test
    void theTerminalsOwnResultReproducesForAccountAndCashSales() {
        UploadedRecord account = sale(12_345, false);
        UploadedRecord cash = sale(6_789, true);
        assertTrue(reproduces(account.record(), account.items()));
        assertTrue(reproduces(cash.record(), cash.items()));
    }

    @Test
    void anotherFigureDoesNotReproduce() {
        UploadedRecord up = sale(12_345, false);
        assertFalse(reproduces(up.record(), sale(12_346, false).items()), "items of another amount");
    }

    @Test
    void theSameFiguresInAnotherFormDoNotReproduce() {
        UploadedRecord up = sale(12_345, false);
        String result = up.record().result();
        String spaced = result.replaceFirst(",", ", ");
        String reordered = reorder(result);
        for (String same : new String[] {spaced, reordered}) {
            assertFalse(same.equals(result));
            assertTrue(canonical(same).equals(result), "the same content: " + same);
            assertFalse(reproduces(up.record().withResult(same), up.items()), "not the form the terminal writes");
        }
    }

    @Test
    void aFieldMoreDoesNotReproduce() {
        UploadedRecord up = sale(12_345, false);
        ObjectNode more = (ObjectNode) parse(up.record().result());
        more.put("zz_extra", "1");
        assertFalse(reproduces(up.record().withResult(CanonicalJson.text(more)), up.items()));
    }

    private static JsonNode parse(String json) {
        return FileJson.parse(json.getBytes(StandardCharsets.UTF_8), SignedRecord.MAX_RESULT, "result");
    }

    private static String canonical(String json) {
        return CanonicalJson.text(parse(json));
    }

    /** @return the object {@code json} with its first key moved last (values as held) */
    private static String reorder(String json) {
        ObjectNode in = (ObjectNode) parse(json);
        ObjectNode out = FileJson.mapper().createObjectNode();
        String first = in.fieldNames().next();
        for (var e : in.properties()) {
            if (!e.getKey().equals(first)) {
                out.set(e.getKey(), e.getValue());
            }
        }
        out.set(first, in.get(first));
        return out.toString();
    }
}
