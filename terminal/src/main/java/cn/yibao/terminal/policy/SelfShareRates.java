package cn.yibao.terminal.policy;

/**
 * Class-B self-borne rates (乙类自理, RULES.md §4).
 *
 * @param employeeInService employee in service
 * @param employeeRetired   employee retired
 * @param resident          resident
 * @param residentRetired   resident retired
 */
public record SelfShareRates(Rate employeeInService, Rate employeeRetired, Rate resident, Rate residentRetired) {

    public SelfShareRates {
        Rules.required("employee_in_service", employeeInService);
        Rules.required("employee_retired", employeeRetired);
        Rules.required("resident", resident);
        Rules.required("resident_retired", residentRetired);
    }
}
