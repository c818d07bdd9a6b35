package cn.yibao.simulator.supervision.traffic;

import cn.yibao.simulator.supervision.SaleItem;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random shopping baskets of the kinds the generator needs. */
final class Baskets {

    private final SplittableRandom rng;

    Baskets(SplittableRandom rng) {
        this.rng = rng;
    }

    /** An ordinary customer's basket: one to three drugs, mostly class A and B, one or two units each. */
    List<SaleItem> ordinary() {
        int r = rng.nextInt(100);
        int lines = r < 50 ? 1 : r < 85 ? 2 : 3;
        List<SaleItem> items = new ArrayList<>();
        List<Product> seen = new ArrayList<>();
        while (items.size() < lines) {
            int c = rng.nextInt(100);
            List<Product> from = c < 57 ? Catalog.CLASS_A : c < 97 ? Catalog.CLASS_B : Catalog.CLASS_C;
            Product p = from.get(rng.nextInt(from.size()));
            if (!seen.contains(p)) {
                seen.add(p);
                int q = rng.nextInt(100);
                items.add(p.line(q < 65 ? 1 : q < 95 ? 2 : 3));
            }
        }
        return items;
    }

    /** What a pharmacy swipes on a held card: one or two cheap class-A drugs, a few units. */
    List<SaleItem> held() {
        Product p = Catalog.CLASS_A.get(rng.nextInt(Catalog.CLASS_A.size()));
        return List.of(p.line(2 + rng.nextInt(3)));
    }

    /** A thief's basket: dear class-B and class-C goods. */
    List<SaleItem> thief() {
        Product b = Catalog.CLASS_B.get(rng.nextInt(Catalog.CLASS_B.size()));
        Product c = Catalog.CLASS_C.get(rng.nextInt(Catalog.CLASS_C.size()));
        return List.of(b.line(1 + rng.nextInt(3)), c.line(1 + rng.nextInt(3)));
    }
}
