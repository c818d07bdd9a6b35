package cn.yibao.hostlink.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

/** Event loop groups of the 4.2 transport model. */
public final class EventLoops {

    private EventLoops() {
    }

    /** @return a NIO event loop group with {@code threads} threads (0: Netty's default) */
    public static EventLoopGroup nio(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    }
}
