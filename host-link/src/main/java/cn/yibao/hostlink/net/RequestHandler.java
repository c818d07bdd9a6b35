package cn.yibao.hostlink.net;

import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import java.util.concurrent.CompletableFuture;

/**
 * The host's application: answers each request of an authenticated peer. Called off the I/O
 * threads, one request at a time per connection, in arrival order; may block (e.g. on SQLite).
 * A request is handed over once the previous one's answer was written, unless {@link #window}
 * lets it start earlier; the answers are written in arrival order either way.
 */
public interface RequestHandler {

    /** @return the response to {@code request}; never null */
    Response handle(Peer peer, Request request);

    /**
     * The response to {@code request}, possibly later: a handler that waits for something shared
     * (e.g. a commit joining several connections' requests) completes the future then, without
     * holding an application thread meanwhile. The next request of the same connection is handled
     * after this one's future completes. By default {@link #handle}, at once.
     */
    default CompletableFuture<Response> handleAsync(Peer peer, Request request) {
        return CompletableFuture.completedFuture(handle(peer, request));
    }

    /**
     * How many of the connection's requests, {@code request} included, may be awaiting their
     * answers when {@code request} is handed to {@link #handleAsync}: 1 (the default) hands it over
     * once the previous request's answer was written; n lets it start as soon as the previous
     * request was handed over and no more than n − 1 earlier ones await their answers (a terminal
     * pipelining its uploads). Capped by {@link HostServer#MAX_WINDOW}.
     */
    default int window(Peer peer, Request request) {
        return 1;
    }

    /** Called once when a peer's TLS handshake succeeded. */
    default void connected(Peer peer) {
    }

    /** Called once when an authenticated peer's connection closed. */
    default void disconnected(Peer peer) {
    }
}
