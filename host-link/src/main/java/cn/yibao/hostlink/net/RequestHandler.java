package cn.yibao.hostlink.net;

import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import java.util.concurrent.CompletableFuture;

/**
 * The host's application: answers each request of an authenticated peer. Called off the I/O
 * threads, one request at a time per connection, in arrival order; may block (e.g. on SQLite).
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

    /** Called once when a peer's TLS handshake succeeded. */
    default void connected(Peer peer) {
    }

    /** Called once when an authenticated peer's connection closed. */
    default void disconnected(Peer peer) {
    }
}
