package cn.yibao.terminal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpExpectationFailedEvent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounds a request meets before it is handled, each answered with the JSON error envelope: a
 * body over the limit (413, announced by {@code Content-Length}, with or without
 * {@code Expect: 100-continue}, or found while reading a chunked one), an unsupported
 * {@code Expect} (417), and a request whose body does not arrive within the deadline (408: a slow or
 * stalled client cannot hold a connection and a worker forever).
 */
final class RequestLimits {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLimits.class);

    private RequestLimits() {
    }

    /** @return a complete JSON error response for {@code error} */
    static FullHttpResponse response(Envelopes envelopes, ApiError error, String detail) {
        ApiReply reply = ApiReply.error(envelopes, new ApiException(error, detail), envelopes.now());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(error.httpStatus()), Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        response.headers().set("X-Content-Type-Options", "nosniff");
        HttpUtil.setContentLength(response, reply.body().length);
        return response;
    }

    /** Aggregates a request up to the bound; beyond it answers 413 with the JSON error envelope. */
    static final class BoundedAggregator extends HttpObjectAggregator {
        private final Envelopes envelopes;

        BoundedAggregator(int max, Envelopes envelopes) {
            super(max);
            this.envelopes = envelopes;
        }

        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
            FullHttpResponse refusal = null;
            String expect = start.headers().get(HttpHeaderNames.EXPECT);
            if (expect != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect.trim())) {
                refusal = response(envelopes, ApiError.EXPECTATION_FAILED,
                        "Expect " + expect);
            } else if (HttpUtil.is100ContinueExpected(start) && isContentLengthInvalid(start, maxContentLength)) {
                refusal = response(envelopes, ApiError.BODY_TOO_LARGE, "at most " + maxContentLength + " bytes");
            }
            if (refusal == null) {
                return super.newContinueResponse(start, maxContentLength, pipeline);
            }
            pipeline.fireUserEventTriggered(HttpExpectationFailedEvent.INSTANCE);
            start.headers().remove(HttpHeaderNames.EXPECT);
            return refusal;
        }

        /** After a refusal instead of 100 Continue the body never comes: close once it is sent. */
        @Override
        protected boolean closeAfterContinueResponse(Object msg) {
            return ignoreContentAfterContinueResponse(msg);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            FullHttpResponse response = response(envelopes, ApiError.BODY_TOO_LARGE,
                    "at most " + maxContentLength() + " bytes");
            // The rest of the body is still coming: keep reading (and dropping) it when the client
            // keeps the connection alive, so it can read this answer; otherwise close after it.
            boolean canRecover = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized)
                    && !HttpUtil.is100ContinueExpected(oversized);
            if (canRecover) {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            } else {
                HttpUtil.setKeepAlive(response, false);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /**
     * Starts a clock at a request's first byte (its request line) and stops it at its last byte; a
     * request still incomplete at the deadline, head or body, is answered 408 and its connection
     * closed: a client dripping its headers a byte a second holds nothing for longer than the
     * deadline. {@link #firstBytes()} sits before the HTTP decoder and starts the clock; this
     * handler, after it, stops it.
     */
    static final class Deadline extends ChannelInboundHandlerAdapter {
        private final Duration limit;
        private final Envelopes envelopes;
        private ScheduledFuture<?> timer;
        private boolean expired;

        Deadline(Duration limit, Envelopes envelopes) {
            this.limit = limit;
            this.envelopes = envelopes;
        }

        /** @return the handler to put before the HTTP decoder: any byte read starts the clock if it is not running */
        ChannelInboundHandlerAdapter firstBytes() {
            return new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext raw, Object msg) {
                    if (!expired && timer == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                        ChannelHandlerContext after = raw.pipeline().context(Deadline.this);
                        timer = raw.executor().schedule(() -> expire(after), limit.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    raw.fireChannelRead(msg);
                }
            };
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (expired) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest && timer == null) {
                timer = ctx.executor().schedule(() -> expire(ctx), limit.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (msg instanceof LastHttpContent) {
                cancel();
            }
            ctx.fireChannelRead(msg);
        }

        private void expire(ChannelHandlerContext ctx) {
            expired = true;
            timer = null;
            LOG.info("request from {} not complete after {}: answered 408 and closed", ctx.channel().remoteAddress(), limit);
            FullHttpResponse response = response(envelopes, ApiError.REQUEST_TIMEOUT,
                    "the whole request, line, headers and body, must arrive within " + limit.toSeconds() + " s");
            HttpUtil.setKeepAlive(response, false);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            cancel();
            ctx.fireChannelInactive();
        }
    }
}
