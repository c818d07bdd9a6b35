package cn.yibao.terminal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code msgid} of a settling call is its idempotency key: an identical resend gets the first
 * answer (the counter replays it), but the same msgid with another {@code infno} or another input
 * (basket, amount, PIN) is refused with {@link ApiError#MSGID_CONFLICT} instead of being answered
 * with a settlement it did not ask for. Calls with the same msgid also run one at a time, so two
 * copies sent at once cannot both settle.
 *
 * <p>A msgid is bound to the keyed HMAC of its {@code infno} and canonical input once it was
 * answered with success; refused or malformed attempts bind nothing (the HIS corrects them and
 * sends again). The PIN is only ever held inside that HMAC. Where the bindings and the key live is
 * {@link MsgidBindings}: the last {@value #CAPACITY} msgids in memory (a server without a data directory: tests), or an
 * owner-only file that outlives a restart (a live counter).
 */
final class MsgidLedger {

    static final int CAPACITY = 50_000;
    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final MsgidBindings bound;
    private final byte[] key;

    MsgidLedger() {
        this(MsgidBindings.inMemory(CAPACITY));
    }

    MsgidLedger(MsgidBindings bound) {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
        this.bound = bound;
        this.key = bound.key();
    }

    /**
     * Runs {@code call} for {@code msgid}, one at a time per msgid.
     *
     * @param succeeded whether the answer settled something (binds the msgid to this request)
     * @throws ApiException MSGID_CONFLICT when the msgid was answered for another request
     */
    <T> T run(String msgid, String infno, JsonNode input, Supplier<T> call, Predicate<T> succeeded) {
        String print = fingerprint(infno, input);
        ReentrantLock lock = stripes[Math.floorMod(msgid.hashCode(), STRIPES)];
        lock.lock();
        try {
            String earlier = bound.printOf(msgid);
            if (earlier != null && !earlier.equals(print)) {
                throw new ApiException(ApiError.MSGID_CONFLICT, "msgid " + msgid
                        + " was already answered for a different request; an identical resend gets the first answer,"
                        + " a new request needs a new msgid");
            }
            T answer = call.get();
            if (earlier == null && succeeded.test(answer)) {
                bound.bind(msgid, print);
            }
            return answer;
        } finally {
            lock.unlock();
        }
    }

    /** @return the keyed hash of the infno and the input, independent of key order and number form */
    String fingerprint(String infno, JsonNode input) {
        StringBuilder canonical = new StringBuilder(infno).append('\n');
        canonical(input, canonical);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.append('{');
            sorted.forEach((k, v) -> {
                out.append(quote(k)).append(':');
                canonical(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(v -> {
                canonical(v, out);
                out.append(',');
            });
            out.append(']');
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toString());
        } else {
            out.append(node.isTextual() ? quote(node.asText()) : node.toString());
        }
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
