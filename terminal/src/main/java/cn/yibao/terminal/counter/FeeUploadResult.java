package cn.yibao.terminal.counter;

import java.util.List;

/**
 * 2204/2301 output: how each uploaded line was classed.
 *
 * @param result one row per uploaded line, in order
 */
public record FeeUploadResult(List<LineSplit> result) {

    public FeeUploadResult {
        result = Checks.list(result, "result", PharmacySale.MAX_LINES);
    }
}
