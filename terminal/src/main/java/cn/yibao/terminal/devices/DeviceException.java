package cn.yibao.terminal.devices;

/** A serial device could not be reached: port missing, unplugged, closed. */
public final class DeviceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }

    public DeviceException(String message) {
        super(message);
    }
}
