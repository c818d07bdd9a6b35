package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;
import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.card.app.ResidentGroup;

/**
 * The insured person as the settlement sees them.
 *
 * @param category        person category
 * @param residentGroup   resident group, present exactly when {@code category} is RESIDENT (never
 *                        {@link ResidentGroup#NONE})
 * @param retired         retired (rates two points lower; lower class-B self-share)
 * @param civilServant    civil servant (employees only): adds the civil-servant subsidy
 * @param insuranceStatus contribution status
 * @param accountBalance  card balance before settlement (personal account)
 */
public record Person(PersonCategory category, ResidentGroup residentGroup, boolean retired,
        boolean civilServant, InsuranceStatus insuranceStatus, Money accountBalance) {

    public Person {
        Limits.required("category", category);
        Limits.required("insurance_status", insuranceStatus);
        Limits.bounded("account_balance", accountBalance, Limits.MAX_BALANCE);
        if (category == PersonCategory.RESIDENT && residentGroup == null) {
            throw new IllegalArgumentException("resident_group: missing (required for RESIDENT)");
        }
        if (residentGroup == ResidentGroup.NONE) {
            throw new IllegalArgumentException("resident_group: NONE is not a resident group");
        }
        if (category != PersonCategory.RESIDENT && residentGroup != null) {
            throw new IllegalArgumentException("resident_group: only allowed for RESIDENT");
        }
        if (civilServant && !category.isEmployee()) {
            throw new IllegalArgumentException("civil_servant: only allowed for EMPLOYEE and EMPLOYEE_POOL_ONLY");
        }
    }

    /** @return whether this person is a resident of the given group */
    public boolean isResident(ResidentGroup group) {
        return residentGroup == group;
    }
}
