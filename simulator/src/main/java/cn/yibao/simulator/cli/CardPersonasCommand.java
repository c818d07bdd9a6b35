package cn.yibao.simulator.cli;

import cn.yibao.simulator.SimulatorData;
import cn.yibao.simulator.card.Persona;
import cn.yibao.simulator.card.Personas;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code simulator card personas}: the kinds of insured person a virtual card can be. */
@Command(name = "personas", mixinStandardHelpOptions = true,
        description = "List the personas a virtual card can be issued as (PIN of every one: 123456).")
final class CardPersonasCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        dataDir.resolve(SimulatorData.APP);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-18s %-10s %-8s %-8s %12s  %s%n", "ID", "参保类别", "卡状态", "参保状态", "余额(元)", "说明");
        for (Persona p : Personas.all()) {
            out.printf("%-18s %-10s %-8s %-8s %12s  %s%n", p.id(), p.category().nameZh(), p.state().nameZh(),
                    p.status().nameZh(), p.balance().toYuanString(), p.descriptionZh());
        }
        return ExitCodes.OK;
    }
}
