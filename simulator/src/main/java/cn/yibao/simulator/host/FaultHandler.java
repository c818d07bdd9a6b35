package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Applies a connection's {@link FaultPlan} to the envelopes passing between codec and dispatcher. */
final class FaultHandler extends ChannelDuplexHandler {

    private final Faults faults;
    private final long connectionId;
    private int frames;
    private boolean stalled;

    FaultHandler(Faults faults, long connectionId) {
        this.faults = faults;
        this.connectionId = connectionId;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        FaultPlan plan = faults.planFor(connectionId);
        if (msg instanceof Request) {
            frames++;
            if (plan.dropAfterFrames() > 0 && frames > plan.dropAfterFrames()) {
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            long pause = 0;
            if (plan.stallMillis() > 0 && !stalled) {
                stalled = true;
                pause = plan.stallMillis();
            }
            pause = Math.max(pause, plan.slowReaderMillis());
            if (pause > 0) {
                ctx.channel().config().setAutoRead(false);
                ctx.executor().schedule(() -> ctx.channel().config().setAutoRead(true), pause, TimeUnit.MILLISECONDS);
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        FaultPlan plan = faults.planFor(connectionId);
        if (!(msg instanceof Response r) || plan.none()) {
            ctx.write(msg, promise);
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        boolean ack = r.output().has("ack_seq");
        if (ack && rnd.nextDouble() < plan.lostAckRate()) {
            promise.setSuccess();
            return;
        }
        boolean twice = ack && rnd.nextDouble() < plan.duplicateAckRate();
        Runnable send = () -> {
            if (twice) {
                ctx.write(r);
            }
            ctx.writeAndFlush(r, promise);
        };
        if (plan.delayMillis() > 0) {
            ctx.executor().schedule(send, plan.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            send.run();
        }
    }

    /** Closes a new connection before its TLS handshake when the plan says so. */
    static final class RefuseTls extends ChannelInboundHandlerAdapter {
        private final Faults faults;
        private final long connectionId;

        RefuseTls(Faults faults, long connectionId) {
            this.faults = faults;
            this.connectionId = connectionId;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            if (faults.planFor(connectionId).refuseTls()) {
                ctx.close();
                return;
            }
            ctx.pipeline().remove(this);
            super.channelActive(ctx);
        }
    }
}
