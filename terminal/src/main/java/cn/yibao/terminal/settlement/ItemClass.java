package cn.yibao.terminal.settlement;

/** Catalog class of a line item (RULES.md §4). */
public enum ItemClass {
    /** 甲类: fully in scope. */
    A,
    /** 乙类: in scope after a self-borne share. */
    B,
    /** 丙类: out of scope, paid by the person. */
    C,
    /** 非医保商品: never on an insured sale. */
    N
}
