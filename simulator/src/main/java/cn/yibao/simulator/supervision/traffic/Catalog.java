package cn.yibao.simulator.supervision.traffic;

import cn.yibao.card.Money;
import cn.yibao.simulator.supervision.CatalogClass;
import java.util.ArrayList;
import java.util.List;

/** The generator's small product catalog: common pharmacy drugs and the daily goods of 套刷/串换. */
final class Catalog {

    static final List<Product> CLASS_A = List.of(
            p("XJ01CAA040A001", "阿莫西林胶囊", CatalogClass.A, "12.50"),
            p("XM01AEB010A001", "布洛芬缓释胶囊", CatalogClass.A, "18.00"),
            p("XR05DAF030A001", "复方甘草片", CatalogClass.A, "6.80"),
            p("XA11GAV010A001", "维生素C片", CatalogClass.A, "4.50"),
            p("ZA01BAB001B001", "板蓝根颗粒", CatalogClass.A, "15.00"),
            p("ZA01AAG002B001", "感冒灵颗粒", CatalogClass.A, "16.50"),
            p("XA10BAE010A001", "二甲双胍片", CatalogClass.A, "9.80"),
            p("XC08CAX050A001", "硝苯地平缓释片", CatalogClass.A, "22.00"),
            p("XA07BCM010A001", "蒙脱石散", CatalogClass.A, "13.00"),
            p("ZA04AAH003B001", "藿香正气水", CatalogClass.A, "8.50"));

    static final List<Product> CLASS_B = List.of(
            p("XC10AAA050B002", "阿托伐他汀钙片", CatalogClass.B, "35.00"),
            p("XA02BCA010B002", "奥美拉唑肠溶胶囊", CatalogClass.B, "28.00"),
            p("XJ01DDT080B002", "头孢克肟分散片", CatalogClass.B, "32.00"),
            p("XR06AXL010B002", "氯雷他定片", CatalogClass.B, "19.00"),
            p("ZB01BAL004B002", "六味地黄丸", CatalogClass.B, "24.00"),
            p("ZB02AAY005B002", "云南白药气雾剂", CatalogClass.B, "45.00"),
            p("XC09CAE010B002", "厄贝沙坦片", CatalogClass.B, "38.00"),
            p("XD06AXH010B002", "红霉素软膏", CatalogClass.B, "5.50"));

    static final List<Product> CLASS_C = List.of(
            p("ZC01AAE006C003", "复方阿胶浆", CatalogClass.C, "58.00"),
            p("XC00SZT001C003", "血糖试纸", CatalogClass.C, "65.00"),
            p("XA11BAW020C003", "复合维生素B片", CatalogClass.C, "28.00"),
            p("XC00KZ0001C003", "医用外科口罩", CatalogClass.C, "12.00"));

    /** Daily goods (非医保商品): never on a card, but they leave the stock. */
    static final List<Product> DAILY_GOODS = List.of(
            p("N0000000001N01", "食用油5L", CatalogClass.N, "68.00"),
            p("N0000000002N01", "东北大米10kg", CatalogClass.N, "55.00"),
            p("N0000000003N01", "洗发水", CatalogClass.N, "39.00"),
            p("N0000000004N01", "保湿面霜", CatalogClass.N, "88.00"),
            p("N0000000005N01", "牙膏", CatalogClass.N, "15.00"),
            p("N0000000006N01", "卫生纸", CatalogClass.N, "25.00"));

    /** Drugs a substituting pharmacy writes on the card instead of daily goods. */
    static final List<Product> SUBSTITUTES = List.of(CLASS_B.get(0), CLASS_B.get(1), CLASS_B.get(3),
            CLASS_B.get(4), CLASS_B.get(6));

    /** Every product a pharmacy stocks. */
    static final List<Product> ALL;

    static {
        List<Product> all = new ArrayList<>(CLASS_A);
        all.addAll(CLASS_B);
        all.addAll(CLASS_C);
        all.addAll(DAILY_GOODS);
        ALL = List.copyOf(all);
    }

    static final List<Product> DRUGS = ALL.stream().filter(p -> p.cls() != CatalogClass.N).toList();

    private Catalog() {
    }

    private static Product p(String code, String name, CatalogClass cls, String yuan) {
        return new Product(code, "YP" + code, name, cls, Money.parseYuan(yuan));
    }
}
