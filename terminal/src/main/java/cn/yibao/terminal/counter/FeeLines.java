package cn.yibao.terminal.counter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks over the lines of one request. */
final class FeeLines {

    private FeeLines() {
    }

    /**
     * @throws IllegalArgumentException naming both lines when two lines of {@code lines} (the
     *     request's field {@code field}) have the same {@code feedetl_sn} for the same visit: each
     *     would be billed
     */
    static void requireDistinctSerials(List<FeeLine> lines, String field) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            FeeLine line = lines.get(i);
            // a serial is unique within its visit (mdtrt_id), or within the sale
            Integer first = seen.putIfAbsent(line.mdtrtId() + "\u0000" + line.feedetlSn(), i);
            if (first != null) {
                throw new IllegalArgumentException(field + "[" + i + "].feedetl_sn repeats " + field + "[" + first
                        + "] (feedetl_sn \"" + lines.get(i).feedetlSn() + "\"): one request may not bill a line twice");
            }
        }
    }
}
