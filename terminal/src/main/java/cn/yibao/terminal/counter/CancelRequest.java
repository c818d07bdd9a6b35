package cn.yibao.terminal.counter;

/**
 * 2103/2208/2305 input {@code data}: cancel a same-day settlement; the account is refunded.
 *
 * @param setlId  the settlement to cancel
 * @param mdtrtId its visit
 * @param psnNo   its person
 */
public record CancelRequest(String setlId, String mdtrtId, String psnNo) {

    public CancelRequest {
        Checks.required(setlId, "setl_id", 30);
        Checks.optional(mdtrtId, "mdtrt_id", 30);
        Checks.required(psnNo, "psn_no", 30);
    }
}
