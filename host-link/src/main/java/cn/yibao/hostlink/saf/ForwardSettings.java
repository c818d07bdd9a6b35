package cn.yibao.hostlink.saf;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How store-and-forward reaches the host and uploads ({@link StoreAndForward}).
 *
 * @param hosts           the host's addresses, preferred first (host names must match the host certificate)
 * @param fixmedinsCode   institution code (also the msgid prefix)
 * @param opter           operator id for the envelope
 * @param batchSize       records per upload
 * @param heartbeat       idle time before a heartbeat
 * @param callTimeout     wait for each response
 * @param backoffMin      first reconnect wait
 * @param backoffMax      longest reconnect wait
 * @param uploadsInFlight uploads sent before the first one's answer, at most (1–8; the host may allow fewer)
 */
public record ForwardSettings(List<Endpoint> hosts, String fixmedinsCode, String opter, int batchSize,
                              Duration heartbeat, Duration callTimeout, Duration backoffMin, Duration backoffMax,
                              int uploadsInFlight) {

    /** Uploads a terminal asks to send before the first one's answer, unless its settings say otherwise. */
    public static final int UPLOADS_IN_FLIGHT = 4;

    public ForwardSettings {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty() || hosts.size() != Set.copyOf(hosts).size()) {
            throw new IllegalArgumentException("hosts: at least one, no duplicates");
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batch size must be 1..1000");
        }
        if (uploadsInFlight < 1 || uploadsInFlight > 8) {
            throw new IllegalArgumentException("uploads in flight must be 1..8");
        }
    }

    /** Settings with {@link #UPLOADS_IN_FLIGHT} uploads in flight. */
    public ForwardSettings(List<Endpoint> hosts, String fixmedinsCode, String opter, int batchSize,
                           Duration heartbeat, Duration callTimeout, Duration backoffMin, Duration backoffMax) {
        this(hosts, fixmedinsCode, opter, batchSize, heartbeat, callTimeout, backoffMin, backoffMax,
                UPLOADS_IN_FLIGHT);
    }

    /** Settings for a host with one address. */
    public ForwardSettings(String host, int port, String fixmedinsCode, String opter, int batchSize,
                           Duration heartbeat, Duration callTimeout, Duration backoffMin, Duration backoffMax) {
        this(List.of(new Endpoint(host, port)), fixmedinsCode, opter, batchSize, heartbeat, callTimeout,
                backoffMin, backoffMax);
    }

    /** @return these settings with {@code n} uploads in flight */
    public ForwardSettings withUploadsInFlight(int n) {
        return new ForwardSettings(hosts, fixmedinsCode, opter, batchSize, heartbeat, callTimeout, backoffMin,
                backoffMax, n);
    }
}
