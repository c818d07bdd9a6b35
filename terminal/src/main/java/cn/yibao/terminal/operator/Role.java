package cn.yibao.terminal.operator;

import java.util.Locale;

/** What an operator may do at the console: sell ({@code cashier}), or also approve cancellations ({@code supervisor}). */
public enum Role {
    /** 收银员: sells and settles. */
    CASHIER("收银员"),
    /** 主管: also approves cancellations and reads other operators' shift reports. */
    SUPERVISOR("主管");

    private final String nameZh;

    Role(String nameZh) {
        this.nameZh = nameZh;
    }

    /** @return the Chinese name shown at the console */
    public String nameZh() {
        return nameZh;
    }

    /** @return the lower-case name used on the command line and in JSON ({@code cashier}, {@code supervisor}) */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the role named {@code text} ({@code cashier} or {@code supervisor}, any case)
     * @throws IllegalArgumentException for anything else
     */
    public static Role of(String text) {
        for (Role r : values()) {
            if (r.wire().equalsIgnoreCase(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be cashier or supervisor");
    }
}
