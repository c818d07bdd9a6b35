package cn.yibao.simulator.supervision;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Split admissions (分解住院): the same person discharged and readmitted to the same hospital
 * within a short window, with the same main diagnosis or with two cheap stays. The finding is
 * about the readmission.
 */
public final class SplitAdmissionDetector implements Detector {

    private final SupervisionPolicy.SplitAdmission policy;

    public SplitAdmissionDetector(SupervisionPolicy.SplitAdmission policy) {
        this.policy = policy;
    }

    @Override
    public FindingCode code() {
        return FindingCode.SPLIT_ADMISSION;
    }

    @Override
    public List<Finding> detect(MonthData data) {
        Map<String, List<SettledTransaction>> stays = new LinkedHashMap<>();
        for (SettledTransaction tx : data.transactions()) {
            if (tx.visitType() == HostVisitType.INPATIENT) {
                stays.computeIfAbsent(tx.institutionCode() + "/" + tx.card().token(), k -> new ArrayList<>()).add(tx);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (List<SettledTransaction> list : stays.values()) {
            list.sort(Comparator.comparing((SettledTransaction t) -> t.stay().admission())
                    .thenComparing(SettledTransaction::time));
            for (int i = 1; i < list.size(); i++) {
                examine(data, list.get(i - 1), list.get(i), out);
            }
        }
        return List.copyOf(out);
    }

    private void examine(MonthData data, SettledTransaction prev, SettledTransaction next, List<Finding> out) {
        long gap = ChronoUnit.DAYS.between(prev.stay().discharge(), next.stay().admission());
        if (gap < 0 || gap > policy.maxGapDays() || !next.month().equals(data.month())) {
            return;
        }
        boolean sameDiagnosis = prev.stay().diagnosisCode().equals(next.stay().diagnosisCode());
        boolean cheap = prev.split().total().compareTo(policy.cheapStayMax()) <= 0
                && next.split().total().compareTo(policy.cheapStayMax()) <= 0;
        if (!sameDiagnosis && !cheap) {
            return;
        }
        String why = sameDiagnosis ? "诊断相同 " + next.stay().diagnosisCode() : "两次住院费用均偏低";
        String whyEn = sameDiagnosis ? "same diagnosis " + next.stay().diagnosisCode() : "both stays cheap";
        String zh = String.format("卡 %s %s 出院，%d 天后 %s 再次入院，%s", next.card().masked(),
                prev.stay().discharge(), gap, next.stay().admission(), why);
        String en = String.format("card %s discharged %s, readmitted %d days later on %s, %s", next.card().masked(),
                prev.stay().discharge(), gap, next.stay().admission(), whyEn);
        out.add(new Finding(code(), next.institutionCode(), data.month(), next.txId(), zh, en,
                List.of(prev.txId(), next.txId())));
    }
}
