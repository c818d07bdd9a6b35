package cn.yibao.simulator.supervision.traffic;

import cn.yibao.simulator.supervision.MonthData;
import java.util.List;
import java.util.Objects;

/**
 * A generated month and the labels of the fraud injected into it.
 *
 * @param data   what the host would hold
 * @param labels ground truth
 */
public record GeneratedMonth(MonthData data, List<Label> labels) {

    public GeneratedMonth {
        Objects.requireNonNull(data, "data");
        labels = List.copyOf(labels);
    }
}
