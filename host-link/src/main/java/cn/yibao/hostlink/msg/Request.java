package cn.yibao.hostlink.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request in the national envelope. {@code msgid} is the idempotency and reversal key: the
 * sender persists it before the first attempt and re-uses it on every retry.
 *
 * @param infno        transaction code, four or five digits (see {@link Infno})
 * @param msgid        message id, 1–40 characters {@code [0-9A-Za-z-]} (national form: institution
 *                     code + yyyyMMddHHmmss + 4-digit sequence, 30 characters)
 * @param infver       interface version, e.g. {@code V1.0}
 * @param opterType    operator type (1 staff, 2 self-service)
 * @param opter        operator id
 * @param infTime      sender's time, {@code yyyy-MM-dd HH:mm:ss}
 * @param fixmedinsCode designated institution code
 * @param signNo       sign-in number from 9001 (empty before sign-in)
 * @param input        the transaction's input node (an object; defensive copies in and out)
 */
public record Request(String infno, String msgid, String infver, String opterType, String opter,
                      String infTime, String fixmedinsCode, String signNo, ObjectNode input) {

    /** Format of {@code inf_time}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Time zone of the national interface's times: the business zone ({@link BusinessZone}). */
    public static final ZoneId ZONE = BusinessZone.ZONE;

    private static final Pattern INFNO = Pattern.compile("[0-9]{4}[A-Z]?");
    private static final Pattern MSGID = Pattern.compile("[0-9A-Za-z-]{1,40}");
    private static final Pattern SHORT = Pattern.compile("[0-9A-Za-z._-]{0,30}");
    private static final Pattern TIME_TEXT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");

    public Request {
        check(infno, INFNO, "infno");
        check(msgid, MSGID, "msgid");
        check(infver, SHORT, "infver");
        check(opterType, SHORT, "opter_type");
        check(opter, SHORT, "opter");
        check(infTime, TIME_TEXT, "inf_time");
        check(fixmedinsCode, SHORT, "fixmedins_code");
        check(signNo, SHORT, "sign_no");
        Objects.requireNonNull(input, "input");
        input = input.deepCopy();
    }

    private static void check(String value, Pattern p, String field) {
        if (value == null || !p.matcher(value).matches()) {
            throw new MalformedMessageException("bad " + field);
        }
    }

    @Override
    public ObjectNode input() {
        return input.deepCopy();
    }

    /** @return the transaction code if it is one this link knows */
    public java.util.Optional<Infno> kind() {
        return Infno.of(infno);
    }

    /** Builds a request stamped with the current time. */
    public static Request of(Infno infno, String msgid, String fixmedinsCode, String opter, String signNo,
                             ObjectNode input) {
        return new Request(infno.code(), msgid, "V1.0", "1", opter, LocalDateTime.now(ZONE).format(TIME),
                fixmedinsCode, signNo, input);
    }

    /** @return the envelope as a JSON object */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("infno", infno);
        n.put("msgid", msgid);
        n.put("infver", infver);
        n.put("opter_type", opterType);
        n.put("opter", opter);
        n.put("inf_time", infTime);
        n.put("fixmedins_code", fixmedinsCode);
        n.put("sign_no", signNo);
        n.set("input", input.deepCopy());
        return n;
    }

    /** Reads an envelope; throws {@link MalformedMessageException} when a field is missing or bad. */
    public static Request fromJson(JsonNode n) {
        if (!n.isObject()) {
            throw new MalformedMessageException("request is not an object");
        }
        JsonNode input = n.get("input");
        if (input == null || !input.isObject()) {
            throw new MalformedMessageException("missing input object");
        }
        return new Request(Json.text(n, "infno", 8), Json.text(n, "msgid", 40), Json.optText(n, "infver", 30),
                Json.optText(n, "opter_type", 30), Json.optText(n, "opter", 30), Json.text(n, "inf_time", 19),
                Json.optText(n, "fixmedins_code", 30), Json.optText(n, "sign_no", 30), (ObjectNode) input);
    }
}
