package cn.yibao.terminal.devices;

import java.time.Duration;

/**
 * A serial line to a counter device: bytes out, bytes in with a timeout. The jssc implementation
 * talks to a real (or PTY) port; tests may use an in-memory pipe.
 */
public interface SerialLink extends AutoCloseable {

    /**
     * Writes all bytes.
     *
     * @throws DeviceException if the port is gone
     */
    void write(byte[] bytes);

    /**
     * Reads up to {@code max} bytes, waiting at most {@code timeout} for the first one.
     *
     * @return the bytes read, empty if none arrived in time
     * @throws DeviceException if the port is gone
     */
    byte[] read(int max, Duration timeout);

    /** @return a short name for logs, e.g. the device path */
    String name();

    @Override
    void close();
}
