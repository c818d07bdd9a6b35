package cn.yibao.simulator.supervision;

import java.util.List;

/** A host-side pattern detector over one month of data. */
public interface Detector {

    /** @return the code of the findings this detector produces */
    FindingCode code();

    /** @return the findings, in a deterministic order */
    List<Finding> detect(MonthData data);

    /** @return every detector, configured by the policy */
    static List<Detector> all(SupervisionPolicy policy) {
        return List.of(new HeldCardDetector(policy.heldCard()), new PostLossDetector(policy.postLoss()),
                new SplitAdmissionDetector(policy.splitAdmission()), new SubstitutionDetector(policy.substitution()));
    }
}
