package cn.yibao.terminal.counter;

import java.time.LocalDateTime;

/**
 * 2201/2401/2402 output: a visit (就诊) and where it stands.
 *
 * @param mdtrtId  visit ID
 * @param psnNo    person number
 * @param iptOtpNo the HIS's own number
 * @param medType  medical type
 * @param begntime opened at
 * @param endtime  discharged at (inpatient), else null
 * @param state    OPEN, DISCHARGED, SETTLED or CANCELLED
 */
public record Visit(String mdtrtId, String psnNo, String iptOtpNo, String medType, LocalDateTime begntime,
        LocalDateTime endtime, String state) {

    public Visit {
        Checks.required(mdtrtId, "mdtrt_id", 30);
        Checks.required(psnNo, "psn_no", 30);
        Checks.present(begntime, "begntime");
        Checks.required(state, "state", 12);
    }
}
