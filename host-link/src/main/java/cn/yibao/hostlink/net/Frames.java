package cn.yibao.hostlink.net;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;
import java.util.function.Function;

/**
 * Framing of the link: a 4-byte big-endian length, then that many bytes of UTF-8 JSON. Frames
 * longer than {@link #MAX_FRAME} or with a negative length fail fast and close the connection.
 */
public final class Frames {

    /** Largest frame body accepted, in bytes. */
    public static final int MAX_FRAME = 1 << 20;
    /** Pipeline name of the frame decoder. */
    public static final String DECODER = "frame-decoder";
    /** Pipeline name of the frame encoder. */
    public static final String ENCODER = "frame-encoder";
    /** Pipeline name of the JSON codec. */
    public static final String CODEC = "json-codec";

    private Frames() {
    }

    /** Adds framing and a JSON codec reading {@link Request}s and writing {@link Response}s. */
    public static void serverSide(ChannelPipeline p) {
        add(p, new JsonCodec<>(Request.class, Request::fromJson));
    }

    /** Adds framing and a JSON codec reading {@link Response}s and writing {@link Request}s. */
    public static void clientSide(ChannelPipeline p) {
        add(p, new JsonCodec<>(Response.class, Response::fromJson));
    }

    private static void add(ChannelPipeline p, JsonCodec<?> codec) {
        p.addLast(DECODER, new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4, true));
        p.addLast(ENCODER, new LengthFieldPrepender(4));
        p.addLast(CODEC, codec);
    }

    /** Turns frames into envelopes of type {@code I} and envelopes (of either type) into frames. */
    static final class JsonCodec<I> extends MessageToMessageCodec<ByteBuf, Object> {
        private final Class<I> inbound;
        private final Function<JsonNode, I> reader;

        JsonCodec(Class<I> inbound, Function<JsonNode, I> reader) {
            super(ByteBuf.class, Object.class);
            this.inbound = inbound;
            this.reader = reader;
        }

        @Override
        public boolean acceptOutboundMessage(Object msg) {
            return msg instanceof Request || msg instanceof Response;
        }

        @Override
        protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
            JsonNode n = msg instanceof Request r ? r.toJson() : ((Response) msg).toJson();
            byte[] body = Json.bytes(n);
            if (body.length > MAX_FRAME) {
                throw new MalformedMessageException("outbound message of " + body.length + " bytes exceeds frame limit");
            }
            out.add(ctx.alloc().buffer(body.length).writeBytes(body));
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
            byte[] body = ByteBufUtil.getBytes(frame);
            I msg = reader.apply(Json.parse(body));
            out.add(inbound.cast(msg));
        }
    }
}
