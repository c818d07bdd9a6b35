package cn.yibao.hostlink.saf;

import java.util.Objects;

/**
 * One address of the host: a host name (it must match the host's certificate) and a port.
 *
 * @param host host name or address, not blank
 * @param port TCP port, 1..65535
 */
public record Endpoint(String host, int port) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
    }

    /** @return {@code host:port} */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
