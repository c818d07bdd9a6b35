package cn.yibao.terminal.counter.host;

import java.util.regex.Pattern;

/**
 * Where the central host listens: a host name (it must match the host's certificate) and a port.
 *
 * @param host host name or address
 * @param port TCP port, 1..65535
 */
public record HostAddress(String host, int port) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.-]{1,253}");

    public HostAddress {
        if (host == null || !NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("host: a host name or IPv4 address required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
    }

    /** Parses {@code host:port}, e.g. {@code 127.0.0.1:7443}. */
    public static HostAddress parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("expected HOST:PORT, e.g. 127.0.0.1:7443");
        }
        try {
            return new HostAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number: " + text, e);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
