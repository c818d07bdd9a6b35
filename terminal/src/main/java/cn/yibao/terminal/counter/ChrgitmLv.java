package cn.yibao.terminal.counter;

import cn.yibao.card.Coded;

/** The catalog class of an item (三个目录 class, chrgitm_lv), with the code used at the boundary. */
public enum ChrgitmLv implements Coded {
    /** 甲类: fully in scope. */
    @Code(code = "01", nameZh = "甲类") A,
    /** 乙类: in scope after a self-borne share. */
    @Code(code = "02", nameZh = "乙类") B,
    /** 丙类: out of scope, paid in full by the person. */
    @Code(code = "03", nameZh = "丙类") C,
    /** Non-medical goods: never on an insured sale. */
    @Code(code = "09", nameZh = "非医保") N;
}
