package cn.yibao.terminal.counter.host;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostUnavailableException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The counter's online calls to the host, besides the store-and-forward upload of signed records:
 * card-list download, the immediate report of a listed card, the authorisation of a refund,
 * reconciliation. The live implementation shares the terminal's signed-in host session;
 * {@link #OFFLINE} is the counter without a host; tests use in-process fakes.
 */
public interface HostCalls {

    /** A counter that has no host configured: every call fails as unreachable. */
    HostCalls OFFLINE = new HostCalls() {
        @Override
        public Response call(Infno infno, ObjectNode input) throws HostUnavailableException {
            throw new HostUnavailableException("no host configured");
        }

        @Override
        public boolean online() {
            return false;
        }
    };

    /**
     * Sends {@code infno} with {@code input} (the envelope is filled in by the implementation) and
     * waits, bounded, for the answer. A refusal by the host is an answer ({@code infcode} -1), not
     * an exception.
     *
     * @throws HostUnavailableException when the host cannot be reached or does not answer in time
     */
    Response call(Infno infno, ObjectNode input) throws HostUnavailableException;

    /**
     * Sends {@code infno} under the caller's {@code msgid} (the host's idempotency key), e.g. an
     * HIS message forwarded as it came. By default the msgid is not kept (in-process fakes).
     *
     * @throws HostUnavailableException when the host cannot be reached or does not answer in time
     */
    default Response call(Infno infno, String msgid, ObjectNode input) throws HostUnavailableException {
        return call(infno, input);
    }

    /** @return whether the host is reachable right now, as far as the link knows (no I/O) */
    boolean online();

    /**
     * Goes back to the preferred (first) host address, when the host has several and the link
     * failed over to another; by default (no link, in-process fakes) there is nothing to do.
     *
     * @return whether the link was on another address
     */
    default boolean failBack() {
        return false;
    }
}
