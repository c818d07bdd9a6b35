package cn.yibao.terminal.counter;

import java.time.LocalDateTime;

/**
 * 2401 input {@code mdtrtinfo}: admit the cardholder; the card is marked "in hospital".
 *
 * @param psnNo        person number from 1101
 * @param medType      21 普通住院 (default)
 * @param begntime     admission time; null means now
 * @param iptOtpNo     the HIS's inpatient number
 * @param deptName     admitting department
 * @param admDiagDscr  admission diagnosis
 */
public record AdmissionRequest(String psnNo, String medType, LocalDateTime begntime, String iptOtpNo,
        String deptName, String admDiagDscr) {

    public AdmissionRequest {
        Checks.required(psnNo, "psn_no", 30);
        Checks.optional(medType, "med_type", 6);
        Checks.required(iptOtpNo, "ipt_otp_no", 30);
        Checks.optional(deptName, "dept_name", 100);
        Checks.optional(admDiagDscr, "adm_diag_dscr", 200);
    }
}
