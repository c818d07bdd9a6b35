package cn.yibao.hostlink.net;

import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;

/**
 * The host's application: answers each request of an authenticated peer. Called off the I/O
 * threads, one request at a time per connection, in arrival order; may block (e.g. on SQLite).
 */
public interface RequestHandler {

    /** @return the response to {@code request}; never null */
    Response handle(Peer peer, Request request);

    /** Called once when a peer's TLS handshake succeeded. */
    default void connected(Peer peer) {
    }

    /** Called once when an authenticated peer's connection closed. */
    default void disconnected(Peer peer) {
    }
}
