package cn.yibao.terminal.counter;

import java.time.LocalDate;

/**
 * 1101 output {@code baseinfo}: who the cardholder is.
 *
 * @param psnNo       person number (人员编号)
 * @param psnCertType certificate type, 01 = resident ID card
 * @param certno      certificate number, masked except the first 6 and last 4 characters
 * @param psnName     name
 * @param gend        1 male, 2 female
 * @param naty        nationality code (01 汉族)
 * @param brdy        birthday
 * @param age         age in whole years
 */
public record BaseInfo(String psnNo, String psnCertType, String certno, String psnName, String gend,
        String naty, LocalDate brdy, int age) {

    public BaseInfo {
        Checks.required(psnNo, "psn_no", 30);
        Checks.optional(psnCertType, "psn_cert_type", 6);
        Checks.optional(certno, "certno", 50);
        Checks.required(psnName, "psn_name", 50);
        Checks.optional(gend, "gend", 6);
        Checks.optional(naty, "naty", 3);
        if (age < 0 || age > 150) {
            throw new IllegalArgumentException("age out of range: " + age);
        }
    }
}
