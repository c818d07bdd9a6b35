package cn.yibao.terminal.policy;

import cn.yibao.card.Money;
import cn.yibao.card.app.ResidentGroup;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every number and rate of the settlement rules for one pooling region, versioned and dated.
 * Read with {@link PolicyPackReader}; the bundled default is {@link PolicyPacks#changchun2010()}.
 *
 * @param region            administrative division code of the pooling region, e.g. {@code 220100}
 * @param regionName        name of the region, e.g. 长春市
 * @param version           version label of this pack
 * @param effectiveFrom     first day the pack applies
 * @param effectiveTo       last day the pack applies, or {@code null} when open-ended
 * @param selfShare         class-B self-borne rates
 * @param employeeInpatient employee inpatient parameters
 * @param residentInpatient resident inpatient parameters
 * @param outpatientPooling residents' outpatient pooling
 * @param accident          students' accidental-injury outpatient benefit
 * @param residentAllowance yearly amount loaded onto the cards of these resident groups for
 *                          outpatient and pharmacy use (their card balance may pay those visits)
 * @param counter           the counter's refusal rules and offline limit
 */
public record PolicyPack(String region, String regionName, String version, LocalDate effectiveFrom,
        LocalDate effectiveTo, SelfShareRates selfShare, EmployeeInpatientPolicy employeeInpatient,
        ResidentInpatientPolicy residentInpatient, OutpatientPoolingPolicy outpatientPooling,
        AccidentPolicy accident, Map<ResidentGroup, Money> residentAllowance, CounterPolicy counter) {

    private static final Pattern REGION = Pattern.compile("[0-9]{6}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    public PolicyPack {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region.code: six digits required");
        }
        if (regionName == null || regionName.isBlank() || regionName.length() > 40) {
            throw new IllegalArgumentException("region.name: 1 to 40 characters required");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version: 1 to 40 of [A-Za-z0-9._-] required");
        }
        Rules.required("effective_from", effectiveFrom);
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("effective_to: before effective_from");
        }
        Rules.required("self_share", selfShare);
        Rules.required("employee_inpatient", employeeInpatient);
        Rules.required("resident_inpatient", residentInpatient);
        Rules.required("outpatient_pooling", outpatientPooling);
        Rules.required("accident", accident);
        residentAllowance = Map.copyOf(Rules.required("resident_allowance", residentAllowance));
        Rules.required("counter", counter);
    }

    /** @return whether the pack applies on {@code day} */
    public boolean isEffectiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** @return {@code region/version}, e.g. {@code 220100/CC-2010.1}, for logs and results */
    public String id() {
        return region + "/" + version;
    }

    /**
     * @return {@code region-version}, e.g. {@code 220100-CC-2010.1}: the policy version a signed
     *         record names (its {@code policy_version}), by which the host finds the pack to
     *         re-compute the split with
     */
    public String policyVersion() {
        return region + "-" + version;
    }

    /** @return this pack with another counter section (the same version: the split does not depend on it) */
    public PolicyPack withCounter(CounterPolicy newCounter) {
        return new PolicyPack(region, regionName, version, effectiveFrom, effectiveTo, selfShare, employeeInpatient,
                residentInpatient, outpatientPooling, accident, residentAllowance, newCounter);
    }
}
