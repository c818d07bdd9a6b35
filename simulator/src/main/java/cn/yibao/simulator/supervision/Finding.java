package cn.yibao.simulator.supervision;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A detector's finding with its evidence.
 *
 * @param code            what was found
 * @param institutionCode the institution held responsible
 * @param month           the month examined
 * @param subjectKey      what the finding is about, stable across runs (e.g. pharmacy/card token,
 *                        a settlement id, pharmacy/drug code); the evaluator matches it to labels
 * @param evidenceZh      why, in Chinese
 * @param evidence        why, in English
 * @param txIds           the settlements that make the evidence (at most {@link #MAX_EVIDENCE})
 */
public record Finding(FindingCode code, String institutionCode, YearMonth month, String subjectKey,
        String evidenceZh, String evidence, List<String> txIds) {

    /** Most settlement ids kept as evidence on one finding. */
    public static final int MAX_EVIDENCE = 50;

    public Finding {
        Objects.requireNonNull(code, "code");
        Codes.requireInstitution(institutionCode, "institution code");
        Objects.requireNonNull(month, "month");
        Codes.requireText(subjectKey, "subject key");
        Objects.requireNonNull(evidenceZh, "evidenceZh");
        Objects.requireNonNull(evidence, "evidence");
        txIds = List.copyOf(txIds.size() > MAX_EVIDENCE ? txIds.subList(0, MAX_EVIDENCE) : txIds);
    }
}
