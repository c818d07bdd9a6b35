package cn.yibao.hostlink.msg;

import cn.yibao.card.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A response in the national envelope: {@code infcode} 0 is success, -1 a refusal whose stable
 * code is the first word of {@code err_msg} and is repeated in {@code output.code}.
 *
 * @param infcode     0 success, -1 failure
 * @param infRefmsgid the {@code msgid} of the request this answers
 * @param respondTime host time, {@code yyyy-MM-dd HH:mm:ss}
 * @param errMsg      empty on success; {@code CODE: English message} on failure
 * @param output      the transaction's output (an object; defensive copies in and out)
 */
public record Response(int infcode, String infRefmsgid, String respondTime, String errMsg, ObjectNode output) {

    /** Success. */
    public static final int OK = 0;
    /** Failure. */
    public static final int FAILED = -1;

    public Response {
        if (infcode != OK && infcode != FAILED) {
            throw new MalformedMessageException("infcode must be 0 or -1");
        }
        if (infRefmsgid == null || infRefmsgid.isEmpty() || infRefmsgid.length() > 40) {
            throw new MalformedMessageException("bad inf_refmsgid");
        }
        Objects.requireNonNull(respondTime, "respondTime");
        Objects.requireNonNull(errMsg, "errMsg");
        if (errMsg.length() > 1024 || respondTime.length() > 19) {
            throw new MalformedMessageException("err_msg or respond_time too long");
        }
        if (infcode == FAILED && errMsg.isEmpty()) {
            throw new MalformedMessageException("a failure needs err_msg");
        }
        Objects.requireNonNull(output, "output");
        output = output.deepCopy();
    }

    @Override
    public ObjectNode output() {
        return output.deepCopy();
    }

    /** @return true when {@code infcode} is 0 */
    public boolean ok() {
        return infcode == OK;
    }

    /** @return the stable refusal code of a failure (empty on success) */
    public String code() {
        if (ok()) {
            return "";
        }
        JsonNode c = output.get("code");
        return c != null && c.isTextual() ? c.asText() : errMsg.split(":", 2)[0];
    }

    /** A success answering {@code request}. */
    public static Response ok(Request request, ObjectNode output) {
        return new Response(OK, request.msgid(), now(), "", output);
    }

    /** A refusal answering {@code request}; {@code extra} fields are copied into the output. */
    public static Response refused(Request request, Refusal refusal, ObjectNode extra) {
        ObjectNode out = extra.deepCopy();
        out.put("code", refusal.code());
        out.put("err_msg_zh", refusal.messageZh());
        return new Response(FAILED, request.msgid(), now(), refusal.code() + ": " + refusal.message(), out);
    }

    private static String now() {
        return LocalDateTime.now(Request.ZONE).format(Request.TIME);
    }

    /** @return the envelope as a JSON object */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("infcode", infcode);
        n.put("inf_refmsgid", infRefmsgid);
        n.put("respond_time", respondTime);
        n.put("err_msg", errMsg);
        n.set("output", output.deepCopy());
        return n;
    }

    /** Reads an envelope; throws {@link MalformedMessageException} when a field is missing or bad. */
    public static Response fromJson(JsonNode n) {
        if (!n.isObject()) {
            throw new MalformedMessageException("response is not an object");
        }
        JsonNode out = n.get("output");
        if (out == null || !out.isObject()) {
            throw new MalformedMessageException("missing output object");
        }
        return new Response((int) Json.integer(n, "infcode"), Json.text(n, "inf_refmsgid", 40),
                Json.optText(n, "respond_time", 19), Json.optText(n, "err_msg", 1024), (ObjectNode) out);
    }
}
