package cn.yibao.simulator.supervision.traffic;

import cn.yibao.simulator.supervision.InventoryMovement;
import cn.yibao.simulator.supervision.StockTake;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeded, deterministic generator of a month of host-side traffic with labelled fraud: pharmacy
 * sales with their stock movements and stock counts, loss reports, and inpatient stays.
 */
public final class TrafficGenerator {

    private TrafficGenerator() {
    }

    /** @return the month the options describe; the same options always give the same month */
    public static GeneratedMonth generate(GeneratorOptions options) {
        MonthBuilder b = new MonthBuilder(options.seed(), options.month());
        new PharmacyTraffic(b, options).generate();
        new InpatientTraffic(b, options).generate();
        closingStock(b);
        return b.build();
    }

    /** Closing stock counts: opening count plus every movement of the month, per pharmacy and product. */
    private static void closingStock(MonthBuilder b) {
        GeneratedMonth sofar = b.build();
        Map<String, Integer> stock = new LinkedHashMap<>();
        Map<String, StockTake> opening = new LinkedHashMap<>();
        for (StockTake s : sofar.data().stockTakes()) {
            String key = s.fixmedinsCode() + "/" + s.medListCodg();
            opening.put(key, s);
            stock.put(key, s.invCnt());
        }
        for (InventoryMovement m : sofar.data().movements()) {
            stock.merge(m.fixmedinsCode() + "/" + m.medListCodg(), m.signedCnt(), Integer::sum);
        }
        List<StockTake> closing = new ArrayList<>();
        opening.forEach((key, s) -> closing.add(new StockTake(s.fixmedinsCode(), s.medListCodg(),
                s.fixmedinsHilistId(), b.month.atEndOfMonth(), Math.max(0, stock.get(key)))));
        closing.forEach(b::stockTake);
    }
}
