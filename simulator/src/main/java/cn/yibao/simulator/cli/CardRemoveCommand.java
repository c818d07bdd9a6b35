package cn.yibao.simulator.cli;

import cn.yibao.simulator.SimulatorData;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code simulator card remove}: takes the card out of the running reader's field. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Take the card out of the field of the running 'simulator card start' or 'simulator sandbox'.")
final class CardRemoveCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(ReaderClient.request(dataDir.resolve(SimulatorData.APP), "remove"));
        return ExitCodes.OK;
    }
}
