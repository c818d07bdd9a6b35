package cn.yibao.simulator.cli;

import cn.yibao.simulator.supervision.SupervisionPolicy;
import cn.yibao.simulator.supervision.traffic.Evaluator;
import cn.yibao.simulator.supervision.traffic.GeneratedMonth;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code simulator supervision evaluate}: precision and recall of every detector on generated traffic. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Generate (or read) a labelled month and print each detector's precision and recall.")
final class SupervisionEvaluateCommand implements Callable<Integer> {

    @Mixin
    private TrafficOptions traffic;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        SupervisionPolicy policy = traffic.loadPolicy();
        GeneratedMonth month = traffic.month();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s; %d settlements, %d stock movements, %d labels; policy %s%n", traffic.source(),
                month.data().transactions().size(), month.data().movements().size(), month.labels().size(),
                policy.version());
        out.print(Evaluator.table(Evaluator.evaluate(month, policy)));
        out.flush();
        return ExitCodes.OK;
    }
}
