package cn.yibao.hostlink.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FramesTest {

    private static Request request() {
        ObjectNode in = Json.object();
        in.put("opter_no", "001");
        return Request.of(Infno.SIGN_IN, "H22010100001202611231200000001", "H22010100001", "001", "", in);
    }

    private static ByteBuf frame(byte[] body) {
        return Unpooled.buffer().writeInt(body.length).writeBytes(body);
    }

    /** The prepender emits the length and the body as two buffers; joins everything written. */
    private static ByteBuf drain(EmbeddedChannel ch) {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    @Test
    void requestRoundTripsThroughClientAndServerCodecs() {
        EmbeddedChannel client = new EmbeddedChannel();
        Frames.clientSide(client.pipeline());
        EmbeddedChannel server = new EmbeddedChannel();
        Frames.serverSide(server.pipeline());
        Request req = request();
        assertTrue(client.writeOutbound(req));
        ByteBuf wire = drain(client);
        assertEquals(wire.readableBytes() - 4, wire.getInt(0));
        server.writeInbound(wire);
        Request got = server.readInbound();
        assertEquals(req, got);
        Response resp = Response.ok(got, Json.object().put("sign_no", "S1"));
        server.writeOutbound(resp);
        client.writeInbound(drain(server));
        Response back = client.readInbound();
        assertEquals(resp, back);
        assertFalse(client.finish());
        assertFalse(server.finish());
    }

    @Test
    void frameSplitAcrossReadsIsReassembled() {
        EmbeddedChannel server = new EmbeddedChannel();
        Frames.serverSide(server.pipeline());
        byte[] body = Json.bytes(request().toJson());
        ByteBuf all = frame(body);
        server.writeInbound(all.readRetainedSlice(3));
        assertNull(server.readInbound());
        server.writeInbound(all.readRetainedSlice(10));
        assertNull(server.readInbound());
        server.writeInbound(all);
        assertEquals(request().msgid(), ((Request) server.readInbound()).msgid());
        assertFalse(server.finish());
    }

    @Test
    void oversizedLengthFailsFast() {
        EmbeddedChannel server = new EmbeddedChannel();
        Frames.serverSide(server.pipeline());
        ByteBuf huge = Unpooled.buffer().writeInt(Frames.MAX_FRAME + 1).writeBytes(new byte[16]);
        assertThrows(TooLongFrameException.class, () -> server.writeInbound(huge));
        server.finishAndReleaseAll();
    }

    @Test
    void negativeLengthIsRejected() {
        EmbeddedChannel server = new EmbeddedChannel();
        Frames.serverSide(server.pipeline());
        assertThrows(DecoderException.class, () -> server.writeInbound(Unpooled.buffer().writeInt(-5).writeByte(1)));
        server.finishAndReleaseAll();
    }

    @Test
    void bodyThatIsNotJsonIsMalformed() {
        EmbeddedChannel server = new EmbeddedChannel();
        Frames.serverSide(server.pipeline());
        DecoderException e = assertThrows(DecoderException.class,
                () -> server.writeInbound(frame("{\"infno\":".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getCause() instanceof MalformedMessageException);
        server.finishAndReleaseAll();
    }

    @Test
    void jsonWithoutEnvelopeFieldsIsMalformed() {
        EmbeddedChannel server = new EmbeddedChannel();
        Frames.serverSide(server.pipeline());
        DecoderException e = assertThrows(DecoderException.class,
                () -> server.writeInbound(frame("{\"infno\":\"9001\"}".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getCause() instanceof MalformedMessageException);
        server.finishAndReleaseAll();
    }

    @Test
    void deeplyNestedJsonIsRejected() {
        EmbeddedChannel server = new EmbeddedChannel();
        Frames.serverSide(server.pipeline());
        String deep = "[".repeat(Json.MAX_DEPTH + 5) + "]".repeat(Json.MAX_DEPTH + 5);
        assertThrows(DecoderException.class, () -> server.writeInbound(frame(deep.getBytes(StandardCharsets.UTF_8))));
        server.finishAndReleaseAll();
    }
}
