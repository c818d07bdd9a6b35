package cn.yibao.simulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.terminal.devices.CustomerDisplay;
import cn.yibao.terminal.devices.DeviceProblem;
import cn.yibao.terminal.devices.JsscSerialLink;
import cn.yibao.terminal.devices.PaperWidth;
import cn.yibao.terminal.devices.PrintOutcome;
import cn.yibao.terminal.devices.Receipt;
import cn.yibao.terminal.devices.ReceiptLayout;
import cn.yibao.terminal.devices.ReceiptLine;
import cn.yibao.terminal.devices.ReceiptPrinter;
import cn.yibao.terminal.testing.Await;
import cn.yibao.terminal.testing.PtyPair;
import cn.yibao.terminal.testing.PtyPairExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The terminal's printer and display drivers against the device simulators, over socat PTYs and jssc. */
@ExtendWith(PtyPairExtension.class)
class CounterDevicesIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration STATUS_TIMEOUT = Duration.ofMillis(300);

    static Receipt receipt() {
        return new Receipt(List.of(
                new ReceiptLine.Title("长春市医疗保险结算单"),
                new ReceiptLine.Pair("医疗费总额", "10000.00"),
                new ReceiptLine.Pair("统筹基金支付", "7568.00"),
                new ReceiptLine.Pair("个人账户支付", "300.00"),
                new ReceiptLine.Pair("现金支付", "2132.00"),
                new ReceiptLine.Rule(),
                new ReceiptLine.Text("卡号 2201********1234 终端 220100000001")));
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void aReceiptPrintsAndTheSimulatorDecodesEveryLine(PaperWidth width, PtyPair pty) {
        try (PrinterSimulator sim = PrinterSimulator.start(JsscSerialLink.open(pty.right(), 115200));
             ReceiptPrinter printer = new ReceiptPrinter(JsscSerialLink.open(pty.left(), 115200), width, STATUS_TIMEOUT)) {
            PrintOutcome outcome = printer.print(receipt());
            assertTrue(outcome.printed(), outcome.toString());
            Await.until(WAIT, () -> sim.receipts().size() == 1, () -> "receipts " + sim.receipts());
            assertEquals(ReceiptLayout.lines(receipt(), width), sim.receipts().get(0));
            assertTrue(sim.receipts().get(0).stream().anyMatch(l -> l.startsWith("统筹基金支付") && l.endsWith("7568.00")));
        }
    }

    @Test
    void paperOutKeepsTheReceiptAndReprintPrintsItOnceThePaperIsBack(PtyPair pty) {
        try (PrinterSimulator sim = PrinterSimulator.start(JsscSerialLink.open(pty.right(), 115200));
             ReceiptPrinter printer = new ReceiptPrinter(JsscSerialLink.open(pty.left(), 115200), PaperWidth.MM58, STATUS_TIMEOUT)) {
            sim.setPaperOut(true);
            PrintOutcome outcome = printer.print(receipt());
            assertFalse(outcome.printed());
            assertEquals(Optional.of(DeviceProblem.PRINTER_PAPER_OUT), outcome.problem());
            assertEquals(1, printer.pending());

            sim.setPaperOut(false);
            assertTrue(printer.reprint().printed());
            Await.until(WAIT, () -> sim.receipts().size() == 1, () -> "receipts " + sim.receipts());
            assertEquals(0, printer.pending());
        }
    }

    @Test
    void aPrinterThatIsOffDoesNotBlockTheSale(PtyPair pty) {
        // nothing listens on the right end: the printer is switched off
        try (ReceiptPrinter printer = new ReceiptPrinter(JsscSerialLink.open(pty.left(), 115200), PaperWidth.MM80, STATUS_TIMEOUT)) {
            long start = System.nanoTime();
            PrintOutcome outcome = printer.print(receipt());
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Optional.of(DeviceProblem.PRINTER_OFFLINE), outcome.problem());
            assertEquals(1, outcome.pending());
            assertTrue(tookMillis < 5_000, "print must give up quickly, took " + tookMillis + " ms");
        }
    }

    @Test
    void theCustomerDisplayShowsDueThenPaidThenChange(PtyPair pty) {
        try (DisplaySimulator sim = DisplaySimulator.start(JsscSerialLink.open(pty.right(), 9600));
             CustomerDisplay display = new CustomerDisplay(JsscSerialLink.open(pty.left(), 9600))) {
            display.show(CustomerDisplay.Lamp.TOTAL, Money.parseYuan("2132.00"));
            Await.until(WAIT, () -> sim.shown().equals(new DisplaySimulator.Shown("2132.00", Optional.of(CustomerDisplay.Lamp.TOTAL))),
                    () -> "shown " + sim.shown());
            display.show(CustomerDisplay.Lamp.PAID, Money.parseYuan("2200"));
            display.show(CustomerDisplay.Lamp.CHANGE, Money.parseYuan("68"));
            Await.until(WAIT, () -> sim.shown().equals(new DisplaySimulator.Shown("68.00", Optional.of(CustomerDisplay.Lamp.CHANGE))),
                    () -> "shown " + sim.shown());
        }
    }
}
