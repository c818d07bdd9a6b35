package cn.yibao.terminal.devices;

import java.time.Duration;
import jssc.SerialPort;
import jssc.SerialPortException;
import jssc.SerialPortTimeoutException;

/** A {@link SerialLink} over a serial port (or PTY) opened with jssc, 8N1, no flow control. */
public final class JsscSerialLink implements SerialLink {

    private final SerialPort port;

    private JsscSerialLink(SerialPort port) {
        this.port = port;
    }

    /**
     * Opens {@code device} at {@code baud} bits per second.
     *
     * @throws DeviceException if the port cannot be opened
     */
    public static JsscSerialLink open(String device, int baud) {
        SerialPort port = new SerialPort(device);
        try {
            port.openPort();
            port.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
            port.setFlowControlMode(SerialPort.FLOWCONTROL_NONE);
            return new JsscSerialLink(port);
        } catch (SerialPortException e) {
            try {
                port.closePort();
            } catch (SerialPortException ignored) {
                // the port never opened; nothing to release
            }
            throw new DeviceException("cannot open serial port " + device + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public void write(byte[] bytes) {
        try {
            if (!port.writeBytes(bytes)) {
                throw new DeviceException("write to " + name() + " failed");
            }
        } catch (SerialPortException e) {
            throw new DeviceException("write to " + name() + " failed: " + e.getExceptionType(), e);
        }
    }

    @Override
    public byte[] read(int max, Duration timeout) {
        try {
            byte[] first = port.readBytes(1, (int) Math.max(1, timeout.toMillis()));
            int more = Math.min(max - 1, port.getInputBufferBytesCount());
            if (more <= 0) {
                return first;
            }
            byte[] rest = port.readBytes(more);
            byte[] all = new byte[1 + rest.length];
            all[0] = first[0];
            System.arraycopy(rest, 0, all, 1, rest.length);
            return all;
        } catch (SerialPortTimeoutException e) {
            return new byte[0];
        } catch (SerialPortException e) {
            throw new DeviceException("read from " + name() + " failed: " + e.getExceptionType(), e);
        }
    }

    @Override
    public String name() {
        return port.getPortName();
    }

    @Override
    public void close() {
        try {
            port.closePort();
        } catch (SerialPortException e) {
            throw new DeviceException("close of " + name() + " failed: " + e.getExceptionType(), e);
        }
    }
}
