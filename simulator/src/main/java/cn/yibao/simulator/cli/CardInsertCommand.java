package cn.yibao.simulator.cli;

import cn.yibao.simulator.SimulatorData;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simulator card insert <persona>}: puts a persona's card into the running reader's field. */
@Command(name = "insert", mixinStandardHelpOptions = true,
        description = "Put a persona's card into the field of the running 'simulator card start' or 'simulator sandbox'.")
final class CardInsertCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PERSONA", description = "The persona (see 'card personas').")
    private String persona;

    @Option(names = "--fresh", description = "Re-issue the card, discarding its history.")
    private boolean fresh;

    @Override
    public Integer call() {
        if (!persona.matches("[a-z0-9-]{1,40}")) {
            throw new cn.yibao.terminal.cli.BadInputException("persona ids are lower-case letters, digits and '-'");
        }
        String answer = ReaderClient.request(dataDir.resolve(SimulatorData.APP),
                "insert " + persona + (fresh ? " fresh" : ""));
        spec.commandLine().getOut().println(answer);
        return ExitCodes.OK;
    }
}
