package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.time.LocalDate;

/**
 * 1101 output {@code insuinfo[]}: one insurance the person holds.
 *
 * @param balc           personal-account balance on the card
 * @param insutype       insurance type: 310 employees' basic, 390 residents' basic, …
 * @param psnType        person type: 11 in service, 21 retired, …
 * @param cvlservFlag    civil servant (公务员) 0/1
 * @param insuplcAdmdvs  insured place (参保地) division code
 * @param empName        employer
 * @param psnInsuStas    1 insured normally, 2 suspended, 4 in arrears
 * @param psnInsuDate    insured since
 */
public record InsuInfo(Money balc, String insutype, String psnType, String cvlservFlag, String insuplcAdmdvs,
        String empName, String psnInsuStas, LocalDate psnInsuDate) {

    public InsuInfo {
        Checks.nonNegative(balc, "balc");
        Checks.required(insutype, "insutype", 6);
        Checks.optional(psnType, "psn_type", 6);
        Checks.flag(cvlservFlag, "cvlserv_flag");
        Checks.optional(insuplcAdmdvs, "insuplc_admdvs", 6);
        Checks.optional(empName, "emp_name", 200);
        Checks.optional(psnInsuStas, "psn_insu_stas", 6);
    }
}
