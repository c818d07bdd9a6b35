package cn.yibao.terminal.counter.demo;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CatalogItem;
import cn.yibao.terminal.counter.CatalogQuery;
import cn.yibao.terminal.counter.ChrgitmLv;
import java.util.List;
import java.util.Optional;

/** A small fixed catalog for the demo counter: drugs of classes A, B and C and one non-medical good. */
final class DemoCatalog {

    private static final List<CatalogItem> ITEMS = List.of(
            item("XA02BCA211A001010104174", "奥美拉唑肠溶胶囊", "6901234500017", "20mg*14粒", ChrgitmLv.A, "18.50", "1"),
            item("XJ01CAA040E001010101515", "阿莫西林胶囊", "6901234500024", "0.25g*24粒", ChrgitmLv.A, "12.80", "1"),
            item("XN02BEA012A001010103542", "对乙酰氨基酚片", "6901234500031", "0.5g*12片", ChrgitmLv.A, "6.00", "0"),
            item("ZA04BAA0123010104145", "连花清瘟胶囊", "6901234500048", "0.35g*24粒", ChrgitmLv.B, "25.00", "0"),
            item("XR05CBA078E001010103873", "氨溴索口服溶液", "6901234500055", "100ml", ChrgitmLv.B, "32.40", "0"),
            item("XA11GAA054A001010100261", "维生素C片", "6901234500062", "0.1g*100片", ChrgitmLv.C, "9.90", "0"),
            item("T001700643", "医用外科口罩", "6901234500079", "10只/包", ChrgitmLv.C, "15.00", "0"),
            item("N000000001", "矿泉水", "6901234500086", "550ml", ChrgitmLv.N, "2.00", "0"));

    private DemoCatalog() {
    }

    private static CatalogItem item(String code, String name, String barcode, String spec, ChrgitmLv lv,
            String price, String rx) {
        return new CatalogItem(code, name, barcode, spec, lv, Money.parseYuan(price), rx);
    }

    /** @return the item with this national code or barcode */
    static Optional<CatalogItem> byCode(String code) {
        return ITEMS.stream().filter(i -> i.hilistCode().equals(code) || code.equals(i.barcode())).findFirst();
    }

    static List<CatalogItem> search(CatalogQuery query) {
        String code = query.hilistCode();
        if (code != null && !code.isBlank()) {
            return byCode(code.trim()).map(List::of).orElse(List.of());
        }
        String name = query.hilistName().trim();
        return ITEMS.stream().filter(i -> i.hilistName().contains(name)).limit(query.limit()).toList();
    }
}
