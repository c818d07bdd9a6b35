package cn.yibao.terminal.counter.demo;

import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.Visit;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Open outpatient and inpatient visits of the demo counter with their uploaded fee lines. */
final class DemoVisits {

    private final Map<String, Visit> visits = new HashMap<>();
    private final Map<String, Map<String, FeeLine>> lines = new HashMap<>();
    private int sequence;

    /** Opens a visit; its ID is {@code M}, the day it was opened at the counter and a sequence. */
    Visit open(String psnNo, String iptOtpNo, String medType, LocalDateTime begntime, java.time.LocalDate today) {
        sequence++;
        String id = String.format("M%s%06d", today.toString().replace("-", ""), sequence);
        Visit v = new Visit(id, psnNo, iptOtpNo, medType, begntime, null, "OPEN");
        visits.put(id, v);
        lines.put(id, new LinkedHashMap<>());
        return v;
    }

    /** @return the visit, which must exist and belong to {@code psnNo} */
    Visit get(String mdtrtId, String psnNo) {
        Visit v = visits.get(mdtrtId);
        if (v == null || !v.psnNo().equals(psnNo)) {
            throw new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND);
        }
        return v;
    }

    /** @return the visit, which must exist, belong to {@code psnNo} and still take fees */
    Visit open(String mdtrtId, String psnNo) {
        Visit v = get(mdtrtId, psnNo);
        if (!v.state().equals("OPEN")) {
            throw new CounterRefusedException(CounterRefusal.VISIT_CLOSED);
        }
        return v;
    }

    void upload(FeeLine line) {
        open(line.mdtrtId(), line.psnNo());
        lines.get(line.mdtrtId()).put(line.feedetlSn(), line);
    }

    List<FeeLine> lines(String mdtrtId) {
        return new ArrayList<>(lines.get(mdtrtId).values());
    }

    Visit setState(Visit v, String state, LocalDateTime endtime) {
        Visit changed = new Visit(v.mdtrtId(), v.psnNo(), v.iptOtpNo(), v.medType(), v.begntime(),
                endtime != null ? endtime : v.endtime(), state);
        visits.put(v.mdtrtId(), changed);
        return changed;
    }

    boolean hasOpenInpatientStay(String psnNo) {
        return visits.values().stream().anyMatch(v -> v.psnNo().equals(psnNo)
                && v.medType().equals(DemoSplit.MED_TYPE_INPATIENT)
                && (v.state().equals("OPEN") || v.state().equals("DISCHARGED")));
    }
}
