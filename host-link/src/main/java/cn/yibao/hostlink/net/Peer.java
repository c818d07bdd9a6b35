package cn.yibao.hostlink.net;

import cn.yibao.hostlink.tls.Identities;

/**
 * A connection as the host sees it once TLS is established.
 *
 * @param terminalId   the terminal proven by the client certificate's CN
 * @param connectionId the host's number for this connection (1, 2, …)
 * @param remote       the remote address, for logs and status
 */
public record Peer(String terminalId, long connectionId, String remote) {

    public Peer {
        if (!Identities.validTerminalId(terminalId)) {
            throw new IllegalArgumentException("bad terminal id");
        }
        if (connectionId < 1) {
            throw new IllegalArgumentException("connection ids start at 1");
        }
        remote = remote == null ? "" : remote;
    }
}
