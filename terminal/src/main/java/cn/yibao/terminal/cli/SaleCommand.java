package cn.yibao.terminal.cli;

import cn.yibao.card.CardException;
import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.DrugInfo;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.Crashpoints;
import cn.yibao.terminal.counter.live.PcscCardAccess;
import cn.yibao.terminal.counter.live.Receipts;
import cn.yibao.card.Money;
import cn.yibao.terminal.devices.CustomerDisplay;
import cn.yibao.terminal.devices.JsscSerialLink;
import cn.yibao.terminal.devices.PaperWidth;
import cn.yibao.terminal.devices.PrintOutcome;
import cn.yibao.terminal.devices.Receipt;
import cn.yibao.terminal.devices.ReceiptLayout;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terminal sale}: a whole pharmacy sale at the counter from the command line: tap, read,
 * checks, split, PIN, debit, journal, receipt. The same flow the HIS API and the console drive.
 */
@Command(name = "sale", mixinStandardHelpOptions = true,
        description = "Sell catalog items to the card on the reader: split, PIN, debit, journal and receipt.")
final class SaleCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Spec
    private CommandSpec spec;

    @Option(names = "--item", required = true, paramLabel = "CODE[*QTY]",
            description = "A catalog code or barcode, optionally with a quantity (e.g. 6901234500048*2). Repeatable.")
    private List<String> items = new ArrayList<>();

    @Option(names = "--rxno", paramLabel = "NO", description = "Prescription number for prescription-only drugs.")
    private String rxno;

    @Option(names = "--pin", arity = "0..1", interactive = true, paramLabel = "PIN",
            description = "The card holder's PIN (asked for when given without a value); needed when the account pays.")
    private char[] pin;

    @Option(names = "--cash-only", description = "Do not let the personal account pay.")
    private boolean cashOnly;

    @Option(names = "--msgid", paramLabel = "ID", description = "Message id (idempotency key); a new one by default.")
    private String msgid;

    @Mixin
    private ReaderOptions readers;

    @Mixin
    private DeviceOptions devices;

    @Mixin
    private HostOptions host;

    @Override
    public Integer call() {
        Path dir = dataDir.resolve(TerminalMain.APP);
        List<FeeLine> lines = feeLines();
        PaperWidth paper = devices.paper();
        PcscCardAccess cards = readers.cardAccess();
        String terminalId = readers.terminalId();
        PrintWriter out = spec.commandLine().getOut();
        try (CounterRuntime runtime = CounterRuntime.open(dir, cards, terminalId, BusinessZone.clock())) {
            var link = host.connect(runtime);
            String psnNo = runtime.counter().queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            PharmacySale sale = new PharmacySale(new DrugInfo(psnNo, "41", cashOnly ? "0" : "1", null), lines);
            Settlement pre = runtime.counter().preSettlePharmacy(sale);
            out.println("预结算 pre-settlement:");
            pre.explain().forEach(e -> out.println("  " + e.zh()));
            showDue(pre.setlinfo().psnCashPay());
            Settlement done = runtime.counter().settlePharmacy(sale, pin(),
                    msgid != null ? msgid : newMsgid());
            Crashpoints.hit("answered");
            Receipt receipt = Receipts.of(done, "定点零售药店（演示）", terminalId);
            out.println();
            ReceiptLayout.lines(receipt, paper).forEach(out::println);
            print(receipt, out);
            out.flush();
            host.upload(runtime, link, out);
            out.flush();
            return ExitCodes.OK;
        } catch (CounterRefusedException e) {
            throw new RefusedException(e.refusal());
        } catch (CardException e) {
            throw new RefusedException(e);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, ' ');
            }
        }
    }

    private Pin pin() {
        if (pin == null) {
            return null;
        }
        try {
            return new Pin(pin);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--pin: " + e.getMessage(), e);
        }
    }

    private void showDue(Money due) {
        if (devices.display().isEmpty()) {
            return;
        }
        try (CustomerDisplay d = new CustomerDisplay(JsscSerialLink.open(devices.display().get(), 9_600))) {
            d.show(CustomerDisplay.Lamp.TOTAL, due);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("客显不可用 customer display unavailable: " + e.getMessage());
        }
    }

    private void print(Receipt receipt, PrintWriter out) {
        try {
            devices.printer().ifPresent(p -> {
                try (p) {
                    PrintOutcome outcome = p.print(receipt);
                    out.println(outcome.printed() ? "小票已打印 receipt printed"
                            : "小票未打印 " + outcome.problem().orElseThrow().messageZh());
                }
            });
        } catch (RuntimeException e) {
            out.println("小票未打印 receipt not printed: " + e.getMessage());
        }
    }

    private List<FeeLine> feeLines() {
        List<FeeLine> out = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.split("\\*", 2);
            BigDecimal qty;
            try {
                qty = parts.length == 2 ? new BigDecimal(parts[1]) : BigDecimal.ONE;
                out.add(new FeeLine("L" + (out.size() + 1), null, null, parts[0], qty, null, rxno));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--item " + item + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String newMsgid() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 29);
    }
}
