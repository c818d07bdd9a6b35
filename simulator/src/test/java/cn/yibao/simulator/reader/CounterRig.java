package cn.yibao.simulator.reader;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.pcsc.PcscCardReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link PcscCounter} per test on the test JVM's pcscd, with a freshly issued card of one
 * persona; register it with {@code @RegisterExtension} in a class extended with
 * {@link PcscdExtension}.
 */
final class CounterRig implements BeforeEachCallback, AfterEachCallback {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String PIN = "123456";

    private final String persona;
    private Path dataDir;
    private PcscCounter counter;

    CounterRig(String persona) {
        this.persona = persona;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("yibao-rig");
        counter = new PcscCounter(PcscdExtension.pcscd(), persona, dataDir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            counter.close();
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    PcscCardReader open() {
        return counter.open(WAIT);
    }

    VirtualCard card() {
        return counter.card();
    }

    VirtualReader reader() {
        return counter.reader();
    }

    PrivatePcscd pcscd() {
        return counter.pcscd();
    }

    Path dataDir() {
        return dataDir;
    }

    void awaitCardAbsent() {
        assertTrue(counter.awaitSlot(PrivatePcscd.CARD_SLOT, false, WAIT), "pcscd still sees the card");
    }

    void awaitCardPresent() {
        assertTrue(counter.awaitSlot(PrivatePcscd.CARD_SLOT, true, WAIT), "pcscd does not see the card");
    }
}
