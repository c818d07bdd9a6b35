package cn.yibao.simulator.vpcd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge against a stand-in for vpcd: a server socket speaking vpcd's framing. */
class VpcdBridgeTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final byte[] SELECT = HexFormat.of().parseHex("00A404000F7378312E73682EC9E7BBE1B1A3D5CF");
    private static final byte[] READ = HexFormat.of().parseHex("00B0000004");

    private ServerSocket vpcd;
    private RecordingIcc card;
    private VpcdBridge bridge;

    @BeforeEach
    void listen() throws IOException {
        vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        vpcd.setSoTimeout((int) WAIT.toMillis());
        card = new RecordingIcc();
        bridge = VpcdBridge.local("card", vpcd.getLocalPort(), card, RecordingIcc.Vanished.class);
    }

    @AfterEach
    void close() throws IOException {
        bridge.close();
        vpcd.close();
    }

    @Test
    void answersControlFramesAndApdus() throws IOException {
        bridge.insert();
        try (Socket link = vpcd.accept()) {
            assertTrue(bridge.await(VpcdBridge.State.INSERTED, WAIT));
            send(link, new byte[] {VpcdFrames.POWER_ON});
            send(link, new byte[] {VpcdFrames.GET_ATR});
            assertArrayEquals(RecordingIcc.ATR, receive(link));
            send(link, SELECT);
            assertEquals("9000", hex(receive(link)));
            send(link, READ);
            assertEquals("00b00000049000", hex(receive(link)));
            send(link, new byte[] {VpcdFrames.RESET});
            send(link, new byte[] {VpcdFrames.POWER_OFF});
            send(link, new byte[] {VpcdFrames.GET_ATR}); // a barrier: once answered, the rest was handled
            receive(link);

            assertEquals(java.util.List.of("on", "atr", "apdu " + hex(SELECT), "apdu " + hex(READ), "reset", "off",
                    "atr"), card.calls());
            assertEquals(2, bridge.commandsServed());
        }
    }

    @Test
    void refusesCommandsLongerThanTheBoundWithoutStoringThem() throws IOException {
        bridge.insert();
        try (Socket link = vpcd.accept()) {
            send(link, new byte[5000]);
            assertEquals("6700", hex(receive(link)));
            send(link, new byte[] {0x00, (byte) 0xA4});
            assertEquals("6700", hex(receive(link)));
            send(link, SELECT); // the stream is still in step
            assertEquals("9000", hex(receive(link)));
            assertEquals(1, card.processed());
        }
    }

    @Test
    void removeClosesTheSocketAndPowersTheCardOff() throws IOException {
        bridge.insert();
        try (Socket link = vpcd.accept()) {
            assertTrue(bridge.await(VpcdBridge.State.INSERTED, WAIT));
            bridge.remove();

            assertEquals(VpcdBridge.State.REMOVED, bridge.state());
            assertThrows(EOFException.class, () -> receive(link));
            assertEquals("off", card.calls().get(card.calls().size() - 1));
        }
    }

    @Test
    void tearBeforeTheCardActsLosesTheCommand() throws IOException {
        bridge.insert();
        card.vanishAt(2, false);
        try (Socket link = vpcd.accept()) {
            send(link, SELECT);
            assertEquals("9000", hex(receive(link)));
            send(link, READ);

            assertThrows(EOFException.class, () -> receive(link));
            assertTrue(bridge.await(VpcdBridge.State.REMOVED, WAIT));
            assertEquals(1, card.processed());
            assertEquals("off", card.calls().get(card.calls().size() - 1));
        }
    }

    @Test
    void tearAfterTheCardActsLosesOnlyTheResponse() throws IOException {
        bridge.insert();
        card.vanishAt(1, true);
        try (Socket link = vpcd.accept()) {
            send(link, READ);

            assertThrows(EOFException.class, () -> receive(link));
            assertTrue(bridge.await(VpcdBridge.State.REMOVED, WAIT));
            assertEquals(1, card.processed());
            assertEquals(0, bridge.commandsServed());
        }
        bridge.insert(); // the card comes back
        try (Socket link = vpcd.accept()) {
            send(link, SELECT);
            assertEquals("9000", hex(receive(link)));
        }
    }

    @Test
    void reconnectsWhenVpcdGoesAwayAndComesBack() throws IOException {
        bridge.insert();
        int port = vpcd.getLocalPort();
        try (Socket first = vpcd.accept()) {
            assertTrue(first.isConnected());
            assertTrue(bridge.await(VpcdBridge.State.INSERTED, WAIT));
            // pcscd "restarts": its listener goes first, so that the bridge's reconnect cannot land
            // in the old listener's backlog; then the connection drops
            vpcd.close();
        }
        vpcd = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        vpcd.setSoTimeout((int) WAIT.toMillis());
        try (Socket second = vpcd.accept()) {
            send(second, SELECT);
            assertEquals("9000", hex(receive(second)));
            assertEquals(2, bridge.connections());
            assertTrue(card.calls().contains("off"), "the card lost power in between");
        }
    }

    @Test
    void waitsForVpcdToListen() throws IOException {
        int port = vpcd.getLocalPort();
        vpcd.close();
        bridge.insert();
        assertEquals(VpcdBridge.State.CONNECTING, bridge.state());
        vpcd = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        vpcd.setSoTimeout((int) WAIT.toMillis());
        try (Socket link = vpcd.accept()) {
            send(link, SELECT);
            assertEquals("9000", hex(receive(link)));
            assertTrue(bridge.await(VpcdBridge.State.INSERTED, WAIT));
        }
    }

    @Test
    void framesCarryATwoByteBigEndianLength() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        VpcdFrames.write(out, new byte[300]);
        byte[] bytes = out.toByteArray();
        assertEquals(302, bytes.length);
        assertEquals(0x01, bytes[0]);
        assertEquals(0x2C, bytes[1]);
        VpcdFrames.Frame frame = VpcdFrames.read(new DataInputStream(new java.io.ByteArrayInputStream(bytes)), 300);
        assertEquals(300, frame.payload().length);
        assertThrows(EOFException.class, () -> VpcdFrames.read(
                new DataInputStream(new java.io.ByteArrayInputStream(new byte[] {0, 5, 1, 2})), 300));
    }

    private static void send(Socket link, byte[] payload) throws IOException {
        OutputStream out = link.getOutputStream();
        VpcdFrames.write(out, payload);
    }

    private static byte[] receive(Socket link) throws IOException {
        return VpcdFrames.read(new DataInputStream(link.getInputStream()), VpcdFrames.MAX_PAYLOAD).payload();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
