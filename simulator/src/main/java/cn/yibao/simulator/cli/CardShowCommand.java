package cn.yibao.simulator.cli;

import cn.yibao.card.app.MedicalLogRecord;
import cn.yibao.simulator.SimulatorData;
import cn.yibao.simulator.card.CardSnapshot;
import cn.yibao.simulator.card.Personas;
import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simulator card show <persona>}: a virtual card's persisted state. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a persona's virtual card as persisted: purse, counters, PIN tries, accumulators, log.")
final class CardShowCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PERSONA", description = "The persona (see 'card personas').")
    private String persona;

    @Override
    public Integer call() {
        if (Personas.find(persona).isEmpty()) {
            throw new BadInputException("unknown persona '" + persona + "'; see: simulator card personas");
        }
        Path cards = dataDir.resolve(SimulatorData.APP).resolve(VirtualCardCommand.CARD_DIR);
        if (!Files.exists(cards.resolve("card-" + persona + ".properties"))) {
            throw new BadInputException("no card issued for '" + persona + "' in " + cards
                    + " yet (simulator card start --persona " + persona + " issues it)");
        }
        CardSnapshot s = new VirtualCard(persona, cards).snapshot();
        PrintWriter out = spec.commandLine().getOut();
        out.println("persona: " + s.personaId());
        out.println("card number: " + s.maskedCardNumber());
        out.println("serial: " + s.serialHex());
        out.println("insurance: " + s.insurance().category().nameZh() + ", " + s.insurance().status().nameZh()
                + ", card " + s.insurance().cardState().nameZh());
        out.println("balance: " + s.balance().toYuanString() + " yuan");
        out.println("offline counter: " + s.offlineCounter() + ", online counter: " + s.onlineCounter());
        out.println("PIN tries left: " + s.pinTries());
        out.println("accumulators " + s.accumulators().year() + ": base " + s.accumulators().ytdBase().toYuanString()
                + ", over " + s.accumulators().ytdOver().toYuanString() + ", outpatient "
                + s.accumulators().ytdOutpatient().toYuanString());
        out.println("log (" + s.log().size() + " records, newest first):");
        for (MedicalLogRecord r : s.log()) {
            out.printf("  #%d %s %s terminal %s account %s self-paid %s fund %s%n", r.seq(),
                    r.type() == MedicalLogRecord.SETTLEMENT ? "settlement" : "load", r.time(), r.terminalId(),
                    r.accountAmount().toYuanString(), r.selfPaid().toYuanString(), r.fund().toYuanString());
        }
        return ExitCodes.OK;
    }
}
