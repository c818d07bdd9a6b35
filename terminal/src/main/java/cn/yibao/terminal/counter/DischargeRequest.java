package cn.yibao.terminal.counter;

import java.time.LocalDateTime;

/**
 * 2402 input {@code dscginfo}: register the discharge; the final settlement (2304) follows.
 *
 * @param mdtrtId  visit ID from 2401
 * @param psnNo    person number
 * @param endtime  discharge time; null means now
 * @param dscgWay  discharge way: 1 on medical advice (default), 2 transfer, 5 death, 9 other
 */
public record DischargeRequest(String mdtrtId, String psnNo, LocalDateTime endtime, String dscgWay) {

    public DischargeRequest {
        Checks.required(mdtrtId, "mdtrt_id", 30);
        Checks.required(psnNo, "psn_no", 30);
        Checks.optional(dscgWay, "dscg_way", 3);
    }
}
