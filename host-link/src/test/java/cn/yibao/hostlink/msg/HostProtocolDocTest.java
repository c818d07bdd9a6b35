package cn.yibao.hostlink.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every complete JSON example of docs/host-protocol.md is a valid envelope for the link's readers. */
class HostProtocolDocTest {

    @Test
    void jsonExamplesInTheProtocolDocParse() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "host-protocol.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int parsed = 0;
        while (m.find()) {
            String block = m.group(1);
            if (block.contains("…")) {
                continue;
            }
            JsonNode n = Json.parse(block);
            if (n.has("infno")) {
                Request r = Request.fromJson(n);
                assertEquals(n.get("msgid").asText(), r.msgid());
            } else {
                Response r = Response.fromJson(n);
                assertEquals(n.get("infcode").asInt(), r.infcode());
            }
            parsed++;
        }
        assertTrue(parsed >= 7, "only " + parsed + " examples found");
    }
}
