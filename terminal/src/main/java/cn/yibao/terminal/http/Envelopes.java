package cn.yibao.terminal.http;

import cn.yibao.card.Refusal;
import cn.yibao.terminal.counter.Opter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Reads the national request envelope and writes the response envelope: {@code infcode} 0 or
 * negative, {@code inf_refmsgid} (division + time + serial), {@code refmsg_time},
 * {@code respond_time}, {@code err_msg} (Chinese) and {@code output}; errors add the stable
 * {@code err_code} and the English {@code err_msg_en}.
 */
final class Envelopes {

    /**
     * A parsed request: the transaction, its message ID, its input node and the operator its
     * envelope names ({@code opter}, {@code opter_name}; {@link Opter#HIS} when none).
     */
    record HisRequest(String infno, String msgid, JsonNode input, Opter opter) {
    }

    private static final Pattern INF_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter REF = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ObjectMapper json = ApiJson.mapper();
    private final Clock clock;
    private final String admdvs;
    private final AtomicLong serial = new AtomicLong();

    Envelopes(Clock clock, String admdvs) {
        this.clock = clock;
        this.admdvs = admdvs;
    }

    /** Parses {@code body} as the envelope of a POST to {@code /api/{pathInfno}}. */
    HisRequest parse(String pathInfno, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_JSON, e instanceof JsonProcessingException p
                    ? InputErrors.notJson(p) : InputErrors.clean(e.getMessage(), "the body cannot be read"));
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(ApiError.BAD_JSON, "the body must be a JSON object (the envelope)");
        }
        String infno = text(root, "infno", pathInfno);
        if (!infno.equals(pathInfno)) {
            throw new ApiException(ApiError.BAD_INPUT, "infno " + infno + " in the body differs from the path");
        }
        String msgid = text(root, "msgid", null);
        if (msgid == null || msgid.isBlank() || msgid.length() > 30) {
            throw new ApiException(ApiError.BAD_INPUT, "msgid is required (at most 30 characters)");
        }
        for (String informative : new String[] {"opter_type", "fixmedins_code"}) {
            text(root, informative, null);
        }
        Opter opter;
        try {
            opter = Opter.of(text(root, "opter", null), text(root, "opter_name", null));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.BAD_INPUT, "opter (at most 30 characters) and opter_name (at most 50)");
        }
        String infTime = text(root, "inf_time", null);
        if (infTime != null && !(INF_TIME.matcher(infTime).matches() && realTime(infTime))) {
            throw new ApiException(ApiError.BAD_INPUT, "inf_time must be a time yyyy-MM-dd HH:mm:ss");
        }
        JsonNode input = root.get("input");
        if (input != null && !input.isNull() && !input.isObject()) {
            throw new ApiException(ApiError.BAD_INPUT, "input must be an object");
        }
        return new HisRequest(infno, msgid, input, opter);
    }

    private static boolean realTime(String text) {
        try {
            ApiJson.time(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static String text(JsonNode root, String field, String fallback) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual()) {
            throw new ApiException(ApiError.BAD_INPUT, field + " must be a string");
        }
        return n.asText();
    }

    /** @return the success envelope around {@code output} */
    byte[] success(Object output, LocalDateTime received) {
        Map<String, Object> env = head(0, received);
        env.put("output", output);
        return write(env);
    }

    /** @return the error envelope for a refusal or an API error, with an optional English detail */
    byte[] failure(int infcode, Refusal refusal, String detail, LocalDateTime received) {
        Map<String, Object> env = head(infcode, received);
        env.put("err_code", refusal.code());
        String zh = ChineseDetail.of(detail);
        env.put("err_msg", refusal.messageZh() + (zh == null ? "" : "：" + zh));
        env.put("err_msg_en", refusal.message() + (detail == null ? "" : ": " + detail));
        return write(env);
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private Map<String, Object> head(int infcode, LocalDateTime received) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("infcode", infcode);
        env.put("inf_refmsgid", admdvs + REF.format(received) + String.format("%010d", serial.incrementAndGet()));
        env.put("refmsg_time", STAMP.format(received));
        env.put("respond_time", STAMP.format(now()));
        return env;
    }

    /** Writes the envelope straight from the records (a tree would drop the amounts' trailing zeros). */
    private byte[] write(Map<String, Object> env) {
        try {
            return json.writeValueAsBytes(env);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response envelope", e);
        }
    }
}
