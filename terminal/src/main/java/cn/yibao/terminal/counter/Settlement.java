package cn.yibao.terminal.counter;

import java.util.List;

/**
 * The answer of a pre-settlement, a settlement or a cancellation (2101/2102/2103, 2206/2207/2208,
 * 2303/2304/2305).
 *
 * @param setlinfo    the split
 * @param setldetail  one row per fund that paid
 * @param detlcutinfo one row per fee line
 * @param explain     how the split was reached, line by line, in Chinese and English
 */
public record Settlement(SetlInfo setlinfo, List<SetlDetail> setldetail, List<LineSplit> detlcutinfo,
        List<ExplainLine> explain) {

    public Settlement {
        Checks.present(setlinfo, "setlinfo");
        setldetail = Checks.list(setldetail, "setldetail", 20);
        detlcutinfo = Checks.list(detlcutinfo, "detlcutinfo", 10_000);
        explain = Checks.list(explain, "explain", 100);
    }
}
