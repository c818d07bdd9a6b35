package cn.yibao.simulator.supervision;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Use after a loss report (盗刷): every settlement made while the card stood reported lost (after
 * the report plus a grace period for terminal clocks, before a cancellation). Losses after the
 * report are the centre's (RULES.md §8), so each such settlement is a finding of its own.
 */
public final class PostLossDetector implements Detector {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SupervisionPolicy.PostLoss policy;

    public PostLossDetector(SupervisionPolicy.PostLoss policy) {
        this.policy = policy;
    }

    @Override
    public FindingCode code() {
        return FindingCode.POST_LOSS_USE;
    }

    @Override
    public List<Finding> detect(MonthData data) {
        Map<String, List<LossReport>> reports = new LinkedHashMap<>();
        for (LossReport r : data.lossReports()) {
            reports.computeIfAbsent(r.card().token(), k -> new ArrayList<>()).add(r);
        }
        List<Finding> out = new ArrayList<>();
        for (SettledTransaction tx : data.transactions()) {
            if (!tx.month().equals(data.month())) {
                continue;
            }
            for (LossReport r : reports.getOrDefault(tx.card().token(), List.of())) {
                if (r.lostAt(tx.time().minusMinutes(policy.graceMinutes()))) {
                    out.add(finding(data, tx, r));
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    private Finding finding(MonthData data, SettledTransaction tx, LossReport r) {
        String zh = String.format("卡 %s 于 %s 挂失，%s 仍在本机构结算 %s 元", tx.card().masked(),
                TIME.format(r.reportedAt()), TIME.format(tx.time()), tx.split().total().toYuanString());
        String en = String.format("card %s reported lost at %s, settled %s yuan here at %s", tx.card().masked(),
                TIME.format(r.reportedAt()), tx.split().total().toYuanString(), TIME.format(tx.time()));
        return new Finding(code(), tx.institutionCode(), data.month(), tx.txId(), zh, en, List.of(tx.txId()));
    }
}
