package cn.yibao.simulator.vpcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.pcsc.PcscReaders;
import cn.yibao.terminal.pcsc.PcscTransport;
import cn.yibao.terminal.pcsc.ReaderException;
import cn.yibao.terminal.pcsc.ReaderRefusal;
import java.time.Duration;
import java.util.HexFormat;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The vpcd bridge and the terminal's PC/SC transport through a real pcscd, with a trivial card. */
@ExtendWith(PcscdExtension.class)
class VpcdPcscIT {

    static final byte[] SSSE_SELECT = HexFormat.of().parseHex("00A404000F7378312E73682EC9E7BBE1B1A3D5CF");
    private static final byte[] READ = HexFormat.of().parseHex("00B0000004");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private RecordingIcc card;
    private VpcdBridge bridge;
    private CardTerminal reader;

    @BeforeEach
    void insert(PrivatePcscd pcscd) {
        card = new RecordingIcc();
        bridge = VpcdBridge.local("card", pcscd.port(PrivatePcscd.CARD_SLOT), card,
                RecordingIcc.Vanished.class);
        reader = PcscReaders.connect().byName(pcscd.readerName(PrivatePcscd.CARD_SLOT));
        bridge.insert();
    }

    @AfterEach
    void remove() throws CardException {
        bridge.close();
        // pcscd polls vpcd every 400 ms: a card put back before it noticed the removal would
        // meet pcscd's stale view of the old one.
        assertTrue(reader.waitForCardAbsent(WAIT.toMillis()));
    }

    @Test
    void commandsReachTheCardThroughPcscd() {
        try (PcscTransport transport = PcscTransport.open(reader, WAIT)) {
            assertEquals("9000", hex(transport.transceive(SSSE_SELECT)));
            assertEquals("00b00000049000", hex(transport.exclusively(() -> transport.transceive(READ))));
            assertEquals(HexFormat.of().formatHex(RecordingIcc.ATR), hex(transport.atr()));
        }
        assertEquals(2, card.processed());
    }

    @Test
    void removingTheCardMidSessionIsCardRemoved() {
        try (PcscTransport transport = PcscTransport.open(reader, WAIT)) {
            transport.transceive(SSSE_SELECT);
            bridge.remove();

            ReaderException e = assertThrows(ReaderException.class, () -> transport.transceive(READ));
            assertEquals(ReaderRefusal.CARD_REMOVED, e.refusal());
            assertTrue(transport.awaitRemoval(WAIT));
        }
    }

    @Test
    void aTearAfterTheCardActsLosesTheResponseAndTheCardComesBack() throws CardException {
        card.vanishAt(2, true);
        try (PcscTransport transport = PcscTransport.open(reader, WAIT)) {
            transport.transceive(SSSE_SELECT);
            ReaderException e = assertThrows(ReaderException.class, () -> transport.transceive(READ));
            assertEquals(ReaderRefusal.CARD_REMOVED, e.refusal());
        }
        assertEquals(2, card.processed(), "the card acted on the torn command");
        assertTrue(bridge.await(VpcdBridge.State.REMOVED, WAIT));
        assertTrue(reader.waitForCardAbsent(WAIT.toMillis()));

        bridge.insert();
        try (PcscTransport transport = PcscTransport.open(reader, WAIT)) {
            assertEquals("9000", hex(transport.transceive(SSSE_SELECT)));
        }
    }

    @Test
    void noCardWithinTheTimeoutIsNoCard() {
        bridge.remove();
        ReaderException e = assertThrows(ReaderException.class,
                () -> PcscTransport.open(reader, Duration.ofMillis(300)).close());
        assertEquals(ReaderRefusal.NO_CARD, e.refusal());
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
