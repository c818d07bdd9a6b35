package cn.yibao.terminal.counter;

/** The catalog class of an item (三个目录 class, chrgitm_lv), with the code used at the boundary. */
public enum ChrgitmLv {
    /** 甲类: fully in scope. */
    A("01", "甲类"),
    /** 乙类: in scope after a self-borne share. */
    B("02", "乙类"),
    /** 丙类: out of scope, paid in full by the person. */
    C("03", "丙类"),
    /** Non-medical goods: never on an insured sale. */
    N("09", "非医保");

    private final String code;
    private final String nameZh;

    ChrgitmLv(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }
}
