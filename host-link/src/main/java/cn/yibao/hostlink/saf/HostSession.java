package cn.yibao.hostlink.saf;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.HostConnection;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A signed-in connection: {@link #open} connects, sends 9001 and keeps the {@code sign_no} and
 * the versions the host announced; {@link #call} sends any transaction with the envelope filled
 * in and waits for the answer.
 */
public final class HostSession implements AutoCloseable {

    /** Shortest wait for the TCP connection and the TLS handshake. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HostConnection connection;
    private final MsgIds ids;
    private final String fixmedinsCode;
    private final String opter;
    private final Duration timeout;
    private volatile String signNo = "";
    private volatile ObjectNode signIn = Json.object();

    private HostSession(HostConnection connection, MsgIds ids, String fixmedinsCode, String opter, Duration timeout) {
        this.connection = connection;
        this.ids = ids;
        this.fixmedinsCode = fixmedinsCode;
        this.opter = opter;
        this.timeout = timeout;
    }

    /**
     * Connects and signs in, asking to send one upload at a time.
     *
     * @param heartbeatInput builds the heartbeat's input (e.g. the journal head) when the link is idle
     */
    public static HostSession open(EventLoopGroup group, String host, int port, SslContext ssl, String fixmedinsCode,
                                   String opter, Duration heartbeat, Duration timeout,
                                   Supplier<ObjectNode> heartbeatInput) throws HostUnavailableException {
        return open(group, host, port, ssl, fixmedinsCode, opter, heartbeat, timeout, heartbeatInput, 1);
    }

    /**
     * Connects and signs in.
     *
     * @param heartbeatInput  builds the heartbeat's input (e.g. the journal head) when the link is idle
     * @param uploadsInFlight how many uploads the terminal would send before the first one's answer
     *                        (9001 {@code uploads_in_flight}); the host answers how many it allows
     *                        ({@link #uploadsInFlight()})
     */
    public static HostSession open(EventLoopGroup group, String host, int port, SslContext ssl, String fixmedinsCode,
                                   String opter, Duration heartbeat, Duration timeout,
                                   Supplier<ObjectNode> heartbeatInput, int uploadsInFlight)
            throws HostUnavailableException {
        MsgIds ids = new MsgIds(fixmedinsCode);
        HostSession[] self = new HostSession[1];
        Supplier<Request> hb = () -> Request.of(Infno.HEARTBEAT, ids.next(), fixmedinsCode, opter,
                self[0] == null ? "" : self[0].signNo, heartbeatInput.get());
        HostConnection c;
        CompletableFuture<HostConnection> pending =
                HostConnection.connect(group, host, port, ssl, heartbeat, hb);
        try {
            // a TLS handshake with a busy or freshly started host may take longer than one call
            long connectMillis = Math.max(timeout.toMillis(), CONNECT_TIMEOUT.toMillis());
            c = pending.get(connectMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            pending.thenAccept(HostConnection::close);
            throw new HostUnavailableException("cannot connect to " + host + ":" + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnavailableException("interrupted", e);
        }
        HostSession s = new HostSession(c, ids, fixmedinsCode, opter, timeout);
        self[0] = s;
        try {
            // where the journal stands, so that the host's status shows the backlog from the sign-in on
            ObjectNode in = heartbeatInput.get().deepCopy().put("opter_no", opter);
            if (uploadsInFlight > 1) {
                in.put("uploads_in_flight", uploadsInFlight);
            }
            Response r = s.call(Infno.SIGN_IN, in);
            if (!r.ok() && LinkRefusal.STORE_UNAVAILABLE.code().equals(r.code())) {
                throw HostUnavailableException.databaseDown("sign-in refused: " + r.code());
            }
            if (!r.ok()) {
                throw new HostUnavailableException("sign-in refused: " + r.errMsg(), null);
            }
            s.signIn = r.output();
            s.signNo = r.output().path("sign_no").asText();
            return s;
        } catch (HostUnavailableException e) {
            c.close();
            throw e;
        }
    }

    /** Sends a transaction and waits for its response. */
    public Response call(Infno infno, ObjectNode input) throws HostUnavailableException {
        return call(request(infno, input));
    }

    /** Sends a prepared request (e.g. one re-sent with its original msgid) and waits for its response. */
    public Response call(Request request) throws HostUnavailableException {
        return await(request, send(request));
    }

    /**
     * Sends a prepared request without waiting: the future completes with its response, or fails
     * when the call times out or the connection closes first ({@link #await} waits for it).
     */
    public CompletableFuture<Response> send(Request request) {
        return connection.call(request, timeout);
    }

    /** Waits for the response to {@code request}, sent by {@link #send} as {@code sent}. */
    public Response await(Request request, CompletableFuture<Response> sent) throws HostUnavailableException {
        try {
            return sent.get();
        } catch (ExecutionException e) {
            throw new HostUnavailableException("no response to " + request.infno(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnavailableException("interrupted", e);
        }
    }

    /** @return a request with this session's envelope (for callers that must persist the msgid first) */
    public Request request(Infno infno, ObjectNode input) {
        return request(infno, ids.next(), input);
    }

    /** @return a request with this session's envelope under the caller's {@code msgid} */
    public Request request(Infno infno, String msgid, ObjectNode input) {
        return Request.of(infno, msgid, fixmedinsCode, opter, signNo, input);
    }

    /** @return the sign-in number */
    public String signNo() {
        return signNo;
    }

    /**
     * @return how many uploads the host lets this sign-in send before the first one's answer (9001
     *         {@code uploads_in_flight}; 1 from a host that does not say)
     */
    public int uploadsInFlight() {
        return Math.max(1, signIn.path("uploads_in_flight").asInt(1));
    }

    /** @return the 9001 output: {@code sign_no}, {@code policy_version}, {@code card_list_version} */
    public ObjectNode signInOutput() {
        return signIn.deepCopy();
    }

    /** @return true while the connection is open */
    public boolean isActive() {
        return connection.isActive();
    }

    /** @return a future completed when the connection closes */
    public CompletableFuture<Void> closed() {
        return connection.closed();
    }

    /** Closes without signing out (the host does not answer). */
    public void abort() {
        connection.close();
    }

    /** Signs out (best effort) and closes. */
    @Override
    public void close() {
        if (connection.isActive() && !signNo.isEmpty()) {
            try {
                call(Infno.SIGN_OUT, Json.object().put("sign_no", signNo));
            } catch (HostUnavailableException e) {
                // closing anyway
            }
        }
        connection.close();
    }
}
