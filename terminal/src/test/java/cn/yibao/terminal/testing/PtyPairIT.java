package cn.yibao.terminal.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import jssc.SerialPort;
import jssc.SerialPortException;
import jssc.SerialPortTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the PTY fixture: bytes written through jssc on one end arrive, intact, at the other. */
@ExtendWith(PtyPairExtension.class)
class PtyPairIT {

    @Test
    void bytesWrittenToOneEndArriveAtTheOtherThroughJssc(PtyPair pty) throws Exception {
        byte[] message = "医保结算 ESC/POS \u001b@ 0123".getBytes(Charset.forName("GB18030"));
        SerialPort sender = open(pty.left());
        SerialPort receiver = open(pty.right());
        try {
            assertTrue(sender.writeBytes(message), "jssc reported a failed write");
            byte[] received = receiver.readBytes(message.length, 5_000);
            assertArrayEquals(message, received);
            // and back the other way, so both directions of the pair are proven
            assertTrue(receiver.writeBytes(new byte[] {0x10, 0x04, 0x01}));
            assertArrayEquals(new byte[] {0x10, 0x04, 0x01}, sender.readBytes(3, 5_000));
        } finally {
            sender.closePort();
            receiver.closePort();
        }
    }

    @Test
    void readingFromAQuietEndTimesOutInsteadOfHanging(PtyPair pty) throws Exception {
        SerialPort receiver = open(pty.right());
        try {
            org.junit.jupiter.api.Assertions.assertThrows(SerialPortTimeoutException.class,
                    () -> receiver.readBytes(1, 200));
        } finally {
            receiver.closePort();
        }
    }

    private static SerialPort open(String device) throws SerialPortException {
        SerialPort port = new SerialPort(device);
        port.openPort();
        port.setParams(SerialPort.BAUDRATE_115200, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
        return port;
    }
}
