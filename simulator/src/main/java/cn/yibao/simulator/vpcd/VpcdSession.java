package cn.yibao.simulator.vpcd;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One vpcd connection of a {@link VpcdBridge}: reads frames and lets the card answer them. */
final class VpcdSession {

    private static final Logger LOG = LoggerFactory.getLogger(VpcdSession.class);
    private static final byte[] SW_WRONG_LENGTH = {0x67, 0x00};
    private static final byte[] SW_NO_PRECISE_DIAGNOSIS = {0x6F, 0x00};

    private final String name;
    private final VirtualIcc icc;
    private final int maxCommand;
    private final Predicate<? super RuntimeException> vanished;
    private final AtomicLong served;

    VpcdSession(String name, VirtualIcc icc, int maxCommand, Predicate<? super RuntimeException> vanished,
            AtomicLong served) {
        this.name = name;
        this.icc = icc;
        this.maxCommand = maxCommand;
        this.vanished = vanished;
        this.served = served;
    }

    /**
     * Serves until the connection ends; the caller closes the socket and powers the card off.
     *
     * @return true if the card vanished (tear injection)
     */
    boolean serve(Socket s) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(new QuickAckInput(s)));
            OutputStream out = s.getOutputStream();
            while (true) {
                VpcdFrames.Frame frame = VpcdFrames.read(in, maxCommand);
                if (!answer(frame, out)) {
                    return true;
                }
                quickAck(s); // answering put Linux back into delayed-ACK ("ping-pong") mode
            }
        } catch (EOFException | SocketException e) {
            return false;
        } catch (IOException e) {
            LOG.warn("vpcd bridge {}: connection failed: {}", name, e.toString());
            return false;
        }
    }

    /** @return false if the card vanished (tear) */
    private boolean answer(VpcdFrames.Frame frame, OutputStream out) throws IOException {
        if (frame.isControl()) {
            control(frame.payload()[0], out);
            return true;
        }
        if (frame.oversized() || frame.length() < 4) {
            LOG.warn("vpcd bridge {}: refused a {}-byte command (accepted 4..{})", name, frame.length(), maxCommand);
            VpcdFrames.write(out, SW_WRONG_LENGTH);
            return true;
        }
        byte[] response = process(frame.payload());
        if (response == null) {
            return false;
        }
        VpcdFrames.write(out, response);
        served.incrementAndGet();
        return true;
    }

    private void control(byte code, OutputStream out) throws IOException {
        switch (code) {
            case VpcdFrames.POWER_OFF -> icc.powerOff();
            case VpcdFrames.POWER_ON -> icc.powerOn();
            case VpcdFrames.RESET -> icc.reset();
            case VpcdFrames.GET_ATR -> VpcdFrames.write(out, icc.atr());
            default -> LOG.warn("vpcd bridge {}: unknown control code {}", name, code & 0xFF);
        }
    }

    /** @return the response, or null if the card vanished */
    private byte[] process(byte[] command) {
        try {
            byte[] response = icc.process(command);
            if (response == null || response.length < 2 || response.length > VpcdFrames.MAX_PAYLOAD) {
                LOG.error("vpcd bridge {}: the card returned an invalid response ({} bytes)", name,
                        response == null ? "null" : response.length);
                return SW_NO_PRECISE_DIAGNOSIS.clone();
            }
            return response;
        } catch (RuntimeException e) {
            if (vanished.test(e)) {
                LOG.info("vpcd bridge {}: the card left the field ({})", name, e.getMessage());
                return null;
            }
            LOG.error("vpcd bridge {}: the card failed on a command", name, e);
            return SW_NO_PRECISE_DIAGNOSIS.clone();
        }
    }

    /**
     * The socket's input, re-arming TCP_QUICKACK after every read from the kernel. vpcd writes a
     * frame's length and its payload in two sends; with Nagle on its side, the payload waits for
     * the ACK of the length, so a delayed ACK here (Linux clears QUICKACK again by itself) would
     * cost about 40 ms per APDU.
     */
    private static final class QuickAckInput extends java.io.FilterInputStream {

        private final Socket socket;

        QuickAckInput(Socket socket) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            quickAck(socket);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            quickAck(socket);
            return n;
        }
    }

    /** Arms TCP_QUICKACK (Linux only; elsewhere a no-op). */
    static void quickAck(Socket s) {
        try {
            if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK)) {
                s.setOption(ExtendedSocketOptions.TCP_QUICKACK, Boolean.TRUE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // a socket closed under us: the next read reports it
        }
    }
}
