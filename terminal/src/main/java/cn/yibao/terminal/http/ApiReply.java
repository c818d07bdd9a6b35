package cn.yibao.terminal.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the API answers a request, and how the answer goes on the wire: the status, the body with
 * its type, and the headers of this answer (a cookie, a redirect's location) besides those every
 * answer has.
 */
record ApiReply(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {

    ApiReply {
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return a JSON envelope with {@code status} */
    static ApiReply json(HttpResponseStatus status, byte[] body) {
        return new ApiReply(status, "application/json; charset=utf-8", body, Map.of());
    }

    /** @return the JSON error envelope for {@code e}, with its HTTP status */
    static ApiReply error(Envelopes envelopes, ApiException e, LocalDateTime received) {
        ApiError err = e.error();
        return json(HttpResponseStatus.valueOf(err.httpStatus()),
                envelopes.failure(err.infcode(), err, e.detail(), received));
    }

    /** @return a 303 to {@code location}, with {@code headers} */
    static ApiReply redirect(String location, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(HttpHeaderNames.LOCATION.toString(), location);
        return new ApiReply(HttpResponseStatus.SEE_OTHER, "text/plain; charset=utf-8", new byte[0], all);
    }

    /**
     * Writes this reply as the answer to {@code request}; the connection stays open if the client
     * keeps it alive and the request was well formed.
     */
    void send(ChannelHandlerContext ctx, FullHttpRequest request) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        response.headers().set("X-Content-Type-Options", "nosniff");
        headers.forEach((k, v) -> response.headers().set(k, v));
        HttpUtil.setContentLength(response, response.content().readableBytes());
        // after a malformed request the decoder ignores the connection's remaining bytes: close it
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
