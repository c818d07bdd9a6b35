package cn.yibao.simulator.supervision.traffic;

import cn.yibao.simulator.supervision.Detector;
import cn.yibao.simulator.supervision.Finding;
import cn.yibao.simulator.supervision.SupervisionPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Runs every detector on a generated month and measures it against the month's labels. */
public final class Evaluator {

    private Evaluator() {
    }

    /** @return one score per detector, in the policy's detector order */
    public static List<DetectorScore> evaluate(GeneratedMonth month, SupervisionPolicy policy) {
        List<DetectorScore> scores = new ArrayList<>();
        for (Detector d : Detector.all(policy)) {
            Set<String> labelled = new HashSet<>();
            month.labels().stream().filter(l -> l.code() == d.code()).forEach(l -> labelled.add(l.subjectKey()));
            Set<String> flagged = new HashSet<>();
            for (Finding f : d.detect(month.data())) {
                flagged.add(f.subjectKey());
            }
            int tp = (int) flagged.stream().filter(labelled::contains).count();
            scores.add(new DetectorScore(d.code(), labelled.size(), flagged.size(), tp));
        }
        return List.copyOf(scores);
    }

    /** @return the scores as a fixed-width text table */
    public static String table(List<DetectorScore> scores) {
        StringBuilder sb = new StringBuilder(String.format("%-20s %8s %8s %6s %6s %6s %9s %7s%n",
                "detector", "labelled", "flagged", "TP", "FP", "FN", "precision", "recall"));
        for (DetectorScore s : scores) {
            sb.append(String.format("%-20s %8d %8d %6d %6d %6d %9s %7s%n", s.code().code(), s.labelled(), s.flagged(),
                    s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall()));
        }
        return sb.toString();
    }
}
