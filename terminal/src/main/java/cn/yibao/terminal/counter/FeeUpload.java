package cn.yibao.terminal.counter;

import java.util.List;

/**
 * 2204/2301 input: fee lines for an open visit, each with its {@code mdtrt_id} and {@code psn_no}.
 * Uploading a line again with the same {@code feedetl_sn} (in a later request) replaces it; one
 * request may not carry a {@code feedetl_sn} twice.
 *
 * @param feedetail the lines (1..500 per request)
 */
public record FeeUpload(List<FeeLine> feedetail) {

    public FeeUpload {
        feedetail = Checks.list(feedetail, "feedetail", PharmacySale.MAX_LINES);
        if (feedetail.isEmpty()) {
            throw new IllegalArgumentException("feedetail is required: 1 to " + PharmacySale.MAX_LINES + " lines");
        }
        FeeLines.requireDistinctSerials(feedetail, "feedetail");
        for (FeeLine line : feedetail) {
            Checks.required(line.mdtrtId(), "feedetail.mdtrt_id", 30);
            Checks.required(line.psnNo(), "feedetail.psn_no", 30);
        }
    }
}
