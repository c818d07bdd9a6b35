package cn.yibao.terminal.counter;

/**
 * 2201 input {@code data}: open an outpatient visit.
 *
 * @param psnNo    person number from 1101
 * @param medType  11 普通门诊 (default), 13 急诊, 14 门诊慢特病
 * @param iptOtpNo the HIS's own outpatient number
 * @param deptName department
 * @param drName   doctor
 */
public record RegisterRequest(String psnNo, String medType, String iptOtpNo, String deptName, String drName) {

    public RegisterRequest {
        Checks.required(psnNo, "psn_no", 30);
        Checks.optional(medType, "med_type", 6);
        Checks.required(iptOtpNo, "ipt_otp_no", 30);
        Checks.optional(deptName, "dept_name", 100);
        Checks.optional(drName, "dr_name", 50);
    }
}
