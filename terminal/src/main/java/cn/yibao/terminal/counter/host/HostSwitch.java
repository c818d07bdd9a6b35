package cn.yibao.terminal.counter.host;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostUnavailableException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The counter's host as it changes over time: {@link HostCalls#OFFLINE} until a host link starts,
 * the link while it runs, offline again once it is closed (tests switch to in-process hosts). The
 * counter and its parts are given the switch once, when they are made; whoever owns the link
 * {@linkplain #use switches} it. Every call goes to the host in use at that moment.
 */
public final class HostSwitch implements HostCalls {

    private volatile HostCalls current;

    /** A switch on {@link HostCalls#OFFLINE}. */
    public HostSwitch() {
        this(HostCalls.OFFLINE);
    }

    /** A switch on {@code initial}. */
    public HostSwitch(HostCalls initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    /** From now on, calls go to {@code calls}. */
    public void use(HostCalls calls) {
        this.current = Objects.requireNonNull(calls, "calls");
    }

    /** @return the host calls go to now */
    public HostCalls current() {
        return current;
    }

    @Override
    public Response call(Infno infno, ObjectNode input) throws HostUnavailableException {
        return current.call(infno, input);
    }

    @Override
    public Response call(Infno infno, String msgid, ObjectNode input) throws HostUnavailableException {
        return current.call(infno, msgid, input);
    }

    @Override
    public boolean online() {
        return current.online();
    }

    @Override
    public boolean failBack() {
        return current.failBack();
    }
}
