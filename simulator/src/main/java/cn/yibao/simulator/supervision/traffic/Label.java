package cn.yibao.simulator.supervision.traffic;

import cn.yibao.simulator.supervision.FindingCode;
import java.util.Objects;

/**
 * Ground truth for one injected fraud: the finding a perfect detector would produce.
 *
 * @param code       the pattern injected
 * @param subjectKey the key a finding about it carries (see {@code Finding#subjectKey})
 */
public record Label(FindingCode code, String subjectKey) {

    public Label {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subjectKey, "subjectKey");
    }
}
