package cn.yibao.terminal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;

/**
 * The JSON configuration of policy packs and files (policy packs and their key files, settlement
 * requests, the counter's catalog, the journal's kept answers, the supervision policy, exported
 * months): decimals as {@link BigDecimal} with their scale, duplicate keys and trailing data
 * rejected, a bounded size and errors that name the document and the place. The canonical form
 * that is signed is written by {@link cn.yibao.hostlink.msg.CanonicalJson}.
 */
public final class FileJson {

    private static final ObjectMapper MAPPER = builder().build();

    private FileJson() {
    }

    /** @return the shared mapper (decimals as {@link BigDecimal}, duplicate keys and trailing data rejected) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param types how one file format writes and reads its own value types (e.g. money in fen)
     * @return a new mapper with these settings and {@code types}; keep it, it is thread-safe
     */
    public static ObjectMapper mapper(Module types) {
        return builder().addModule(types).build();
    }

    private static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /**
     * Parses JSON text of at most {@code maxBytes} bytes.
     *
     * @param what name of the document for messages, e.g. {@code request}
     * @throws InvalidInputException if it is too large or not JSON
     */
    public static JsonNode parse(byte[] json, int maxBytes, String what) {
        if (json.length > maxBytes) {
            throw new InvalidInputException(what + ": larger than " + maxBytes + " bytes");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException(what + ": empty document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(what, e);
        } catch (NumberFormatException e) {
            throw badNumber(what, e);
        } catch (java.io.IOException e) {
            throw new InvalidInputException(what + ": unreadable: " + e.getMessage(), e);
        }
    }

    /** @return an {@link InvalidInputException} for a number the parser cannot represent (e.g. {@code 1e999999999999}) */
    public static InvalidInputException badNumber(String what, NumberFormatException e) {
        return new InvalidInputException(what + ": malformed JSON: a number out of range", e);
    }

    /** @return an {@link InvalidInputException} locating a JSON syntax error in {@code what} */
    public static InvalidInputException malformed(String what, JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return new InvalidInputException(what + ": malformed JSON" + where + ": " + detail, e);
    }
}
