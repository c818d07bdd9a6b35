package cn.yibao.card.app;

/**
 * The insurance data of DF04 EF05 (RULES.md §2 and §8).
 *
 * @param category insurance category
 * @param residentGroup resident group ({@link ResidentGroup#NONE} unless a resident)
 * @param retired retired employee
 * @param civilServant civil servant (subsidy)
 * @param status insurance status (arrears, suspended)
 * @param cardState card state
 * @param region pooling-region code, 6 digits
 * @param hasAccount whether the person has a personal account
 */
public record InsuranceInfo(InsuranceCategory category, ResidentGroup residentGroup, boolean retired,
        boolean civilServant, InsuranceStatus status, CardState cardState, String region, boolean hasAccount) {

    public InsuranceInfo {
        if (category == null || residentGroup == null || status == null || cardState == null) {
            throw new IllegalArgumentException("category, group, status and card state required");
        }
        if (region == null || !region.matches("\\d{6}")) {
            throw new IllegalArgumentException("region must be 6 digits");
        }
    }
}
