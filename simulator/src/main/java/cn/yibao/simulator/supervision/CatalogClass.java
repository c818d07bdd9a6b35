package cn.yibao.simulator.supervision;

/** Catalog class of an item (RULES.md §4). */
public enum CatalogClass {
    /** 甲类: fully in scope. */
    A("甲类"),
    /** 乙类: in scope after a self-borne share. */
    B("乙类"),
    /** 丙类: out of scope, paid by the person. */
    C("丙类"),
    /** 非医保商品: never on an insured sale. */
    N("非医保商品");

    private final String nameZh;

    CatalogClass(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
