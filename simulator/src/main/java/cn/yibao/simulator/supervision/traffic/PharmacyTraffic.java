package cn.yibao.simulator.supervision.traffic;

import cn.yibao.simulator.supervision.CardRef;
import cn.yibao.simulator.supervision.FindingCode;
import cn.yibao.simulator.supervision.Institution;
import cn.yibao.simulator.supervision.LossReport;
import cn.yibao.simulator.supervision.MovementType;
import cn.yibao.simulator.supervision.HostPersonCategory;
import cn.yibao.simulator.supervision.SaleItem;
import cn.yibao.simulator.supervision.SettledTransaction;
import cn.yibao.simulator.supervision.StockTake;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A month of pharmacy traffic: ordinary customers (occasional, chronic and very frequent buyers),
 * cash sales and purchases in the stock, and the injected card-holding pharmacies, stolen cards
 * and substituting pharmacies. Some honest pharmacies upload the last day's stock movements late.
 */
final class PharmacyTraffic {

    private static final String[] CHAINS = {"益康", "仁和", "同济", "康宁", "福寿", "惠民", "百姓", "华康", "安泰", "永安"};
    private static final int SUBSTITUTE_PERCENT = 15;

    private final MonthBuilder b;
    private final GeneratorOptions o;
    private final List<String> codes = new ArrayList<>();
    private final Baskets baskets;

    /** Per-pharmacy state while generating. */
    private record Shop(String code, boolean lateUpload, List<Product> substitutes, Set<Product> used,
            Product miscoded) {

        /** @return the product as this pharmacy's inventory uploads name it */
        Product asUploaded(Product p) {
            return miscoded != null && p.equals(miscoded)
                    ? new Product("W" + p.code().substring(1), p.id(), p.name(), p.cls(), p.price()) : p;
        }
    }

    PharmacyTraffic(MonthBuilder b, GeneratorOptions o) {
        this.b = b;
        this.o = o;
        this.baskets = new Baskets(b.rng);
    }

    void generate() {
        for (int i = 0; i < o.pharmacies(); i++) {
            String code = String.format("P22010%05d", i + 1);
            codes.add(code);
            b.institution(new Institution(code, String.format("%s大药房%d号店", CHAINS[i % CHAINS.length], i / CHAINS.length + 1),
                    Institution.Kind.PHARMACY));
        }
        for (int i = 0; i < o.pharmacies(); i++) {
            pharmacy(i);
        }
    }

    private void pharmacy(int index) {
        boolean substitutes = b.rng.nextDouble() < o.rateSubstitution();
        List<Product> subs = new ArrayList<>();
        if (substitutes) {
            subs.add(Catalog.SUBSTITUTES.get(b.rng.nextInt(Catalog.SUBSTITUTES.size())));
        }
        Product miscoded = b.rng.nextInt(100) < 3 ? Catalog.CLASS_B.get(b.rng.nextInt(Catalog.CLASS_B.size())) : null;
        Shop shop = new Shop(codes.get(index), b.rng.nextInt(100) < 15, subs, new LinkedHashSet<>(), miscoded);
        stockIn(shop);
        Set<Integer> heldCards = heldCards();
        int held = 0;
        for (int c = 0; c < o.cardsPerPharmacy(); c++) {
            CardRef card = CardRef.of(String.format("2201%05d%06d", index, c));
            HostPersonCategory cat = category();
            double r = b.rng.nextDouble();
            if (heldCards.contains(c)) {
                held(shop, card, cat, held++);
            } else if (r < o.rateStolen()) {
                stolen(shop, card, cat);
            } else if (r < o.rateStolen() + 0.005) {
                lostAndFound(shop, card, cat);
            } else if (r < o.rateStolen() + 0.008) {
                lostAfterShopping(shop, card, cat);
            } else if (r < o.rateStolen() + 0.009) {
                caregiver(shop, card, cat);
            } else {
                customer(shop, card, cat, 1, b.days());
            }
        }
        cashSales(shop);
        for (Product p : shop.used()) {
            b.label(new Label(FindingCode.SUBSTITUTION, shop.code() + "/" + p.code()));
        }
    }

    /** @return the customers whose cards this pharmacy holds: 4 to 12 of them at a card-holding pharmacy */
    private Set<Integer> heldCards() {
        Set<Integer> held = new LinkedHashSet<>();
        if (b.rng.nextDouble() < o.rateHeld()) {
            int count = Math.min(4 + b.rng.nextInt(9), o.cardsPerPharmacy() / 2);
            while (held.size() < count) {
                held.add(b.rng.nextInt(o.cardsPerPharmacy()));
            }
        }
        return held;
    }

    private HostPersonCategory category() {
        int r = b.rng.nextInt(100);
        return r < 60 ? HostPersonCategory.EMPLOYEE : r < 80 ? HostPersonCategory.EMPLOYEE_RETIRED : HostPersonCategory.RESIDENT;
    }

    /** An ordinary customer's purchases between two days (inclusive). */
    private void customer(Shop shop, CardRef card, HostPersonCategory cat, int fromDay, int toDay) {
        int r = b.rng.nextInt(1000);
        boolean frequent = r < 10;
        int count = frequent ? 8 + b.rng.nextInt(5) : r < 130 ? 3 + b.rng.nextInt(4) : occasional();
        for (int k = 0; k < count && toDay >= fromDay; k++) {
            int day = fromDay + b.rng.nextInt(toDay - fromDay + 1);
            boolean verified = b.rng.nextInt(100) < (frequent ? 50 : 40);
            honestSale(shop, card, cat, b.shoppingTime(day), verified);
        }
    }

    private int occasional() {
        int r = b.rng.nextInt(100);
        return r < 30 ? 0 : r < 65 ? 1 : r < 87 ? 2 : 3;
    }

    /** A customer's sale; a substituting pharmacy sometimes writes a drug on the card for daily goods. */
    private void honestSale(Shop shop, CardRef card, HostPersonCategory cat, LocalDateTime time, boolean verified) {
        if (!shop.substitutes().isEmpty() && b.rng.nextInt(100) < SUBSTITUTE_PERCENT) {
            Product drug = shop.substitutes().get(b.rng.nextInt(shop.substitutes().size()));
            b.pharmacySale(shop.code(), card, cat, time, verified, List.of(drug.line(2 + b.rng.nextInt(2))));
            Product goods = Catalog.DAILY_GOODS.get(b.rng.nextInt(Catalog.DAILY_GOODS.size()));
            recordOut(shop, goods, time.plusSeconds(5), 1 + b.rng.nextInt(2));
            shop.used().add(drug);
            return;
        }
        sale(shop, card, cat, time, verified, baskets.ordinary());
    }

    private SettledTransaction sale(Shop shop, CardRef card, HostPersonCategory cat, LocalDateTime time,
            boolean verified, List<SaleItem> items) {
        SettledTransaction tx = b.pharmacySale(shop.code(), card, cat, time, verified, items);
        for (SaleItem item : tx.items()) {
            Product p = new Product(item.medListCodg(), item.fixmedinsHilistId(), item.name(), item.catalogClass(),
                    item.price());
            recordOut(shop, p, time.plusSeconds(5), item.quantity());
        }
        return tx;
    }

    private void recordOut(Shop shop, Product p, LocalDateTime time, int cnt) {
        if (!(shop.lateUpload() && time.getDayOfMonth() == b.days())) {
            b.move(shop.code(), shop.asUploaded(p), MovementType.SALE_OUT, time, cnt);
        }
    }

    /** 滞卡: the pharmacy swipes the card itself every two or three days, mostly in a batch after hours. */
    private void held(Shop shop, CardRef card, HostPersonCategory cat, int heldIndex) {
        b.label(new Label(FindingCode.HELD_CARD, shop.code() + "/" + card.token()));
        if (b.rng.nextInt(100) < 4) {
            for (int k = 8 + b.rng.nextInt(4); k > 0; k--) {
                sale(shop, card, cat, b.shoppingTime(1 + b.rng.nextInt(b.days())), false, baskets.held());
            }
            return;
        }
        int step = 2 + b.rng.nextInt(2);
        int r = b.rng.nextInt(10);
        LocalTime base = r < 4 ? LocalTime.of(21, 40) : r < 7 ? LocalTime.of(7, 10)
                : LocalTime.of(9 + b.rng.nextInt(8), b.rng.nextInt(60));
        for (int day = 1 + b.rng.nextInt(3); day <= b.days(); day += step + (b.rng.nextInt(10) == 0 ? 1 : 0)) {
            LocalDateTime time = b.month.atDay(day).atTime(base).plusMinutes(2L * heldIndex + b.rng.nextInt(3))
                    .plusSeconds(b.rng.nextInt(60));
            sale(shop, card, cat, time, false, baskets.held());
        }
    }

    /** 盗刷: the card is stolen, used before and after the holder reports the loss. */
    private void stolen(Shop shop, CardRef card, HostPersonCategory cat) {
        int lossDay = 5 + b.rng.nextInt(b.days() - 10);
        LocalDateTime report = b.at(lossDay, 9, 18);
        customer(shop, card, cat, 1, lossDay - 1);
        LocalDateTime theft = report.minusHours(2 + b.rng.nextInt(28));
        int before = 1 + b.rng.nextInt(2);
        for (int k = 0; k < before; k++) {
            long span = java.time.Duration.between(theft, report).toMinutes();
            thiefSale(card, cat, theft.plusMinutes(b.rng.nextLong(Math.max(1, span - 1))));
        }
        int after = 2 + b.rng.nextInt(3);
        for (int k = 0; k < after; k++) {
            LocalDateTime t = report.plusMinutes(30 + b.rng.nextInt(72 * 60));
            if (t.getMonth() == b.month.getMonth()) {
                SettledTransaction tx = thiefSale(card, cat, t);
                b.label(new Label(FindingCode.POST_LOSS_USE, tx.txId()));
            }
        }
        b.lossReport(new LossReport(card, report, null));
    }

    /** A thief's sale at any pharmacy (its stock movements are honest). */
    private SettledTransaction thiefSale(CardRef card, HostPersonCategory cat, LocalDateTime time) {
        String code = codes.get(b.rng.nextInt(codes.size()));
        SettledTransaction tx = b.pharmacySale(code, card, cat, time, false, baskets.thief());
        b.saleOut(code, tx);
        return tx;
    }

    /**
     * The holder shops, loses the card on the way home and reports it minutes later; the
     * pharmacy's terminal clock runs ten minutes fast, so the honest sale is stamped after the report.
     */
    private void lostAfterShopping(Shop shop, CardRef card, HostPersonCategory cat) {
        LocalDateTime real = b.shoppingTime(3 + b.rng.nextInt(b.days() - 3));
        sale(shop, card, cat, real.plusMinutes(10), b.rng.nextBoolean(), baskets.ordinary());
        b.lossReport(new LossReport(card, real.plusMinutes(2 + b.rng.nextInt(6)), null));
    }

    /** A carer buys for a bedridden holder every three or four days in the morning: honest, but looks held. */
    private void caregiver(Shop shop, CardRef card, HostPersonCategory cat) {
        int hour = 8 + b.rng.nextInt(3);
        for (int day = 1 + b.rng.nextInt(3); day <= b.days(); day += 3 + b.rng.nextInt(2)) {
            sale(shop, card, cat, b.at(day, hour, hour + 1), false, baskets.ordinary());
        }
    }

    /** A card reported lost and found again: purchases before the report and after the cancellation are honest. */
    private void lostAndFound(Shop shop, CardRef card, HostPersonCategory cat) {
        int day = 3 + b.rng.nextInt(b.days() - 8);
        LocalDateTime report = b.at(day, 8, 20);
        LocalDateTime cancel = report.plusDays(1 + b.rng.nextInt(3));
        b.lossReport(new LossReport(card, report, cancel));
        customer(shop, card, cat, 1, day - 1);
        customer(shop, card, cat, cancel.getDayOfMonth() + 1, b.days());
    }

    private void stockIn(Shop shop) {
        for (Product p : Catalog.ALL) {
            b.stockTake(new StockTake(shop.code(), p.code(), p.id(), b.month.atDay(1), 40 + b.rng.nextInt(40)));
            b.move(shop.code(), p, MovementType.PURCHASE_IN, b.month.atDay(1).atTime(7, 30), 300);
            b.move(shop.code(), p, MovementType.PURCHASE_IN, b.month.atDay(16).atTime(7, 30), 300);
        }
    }

    /** Walk-in cash sales: they leave the stock but never reach the host as settlements. */
    private void cashSales(Shop shop) {
        for (int day = 1; day <= b.days(); day++) {
            for (int k = 0; k < 6; k++) {
                List<Product> from = k < 4 ? Catalog.DRUGS : Catalog.DAILY_GOODS;
                recordOut(shop, from.get(b.rng.nextInt(from.size())), b.shoppingTime(day), 1 + b.rng.nextInt(3));
            }
        }
    }
}
