package cn.yibao.simulator.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/** {@code POST /api/host/failback} over HTTP: authenticated, POST only, answers {@code failed_back}. */
class HostFailBackIT {

    @TempDir
    Path home;
    SandboxFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new SandboxFixture(home);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aCounterOnItsOnlyHostHasNothingToFailBack() {
        ApiClient.Answer a = api.client.post("/api/host/failback", "{}", SandboxFixture.TOKEN);
        assertEquals(200, a.status(), a.body());
        assertEquals(0, a.infcode(), a.body());
        assertEquals("{\"failed_back\":false}", a.output().toString());
        assertEquals(401, api.client.post("/api/host/failback", "{}", "wrong-token").status());
        assertEquals(405, api.client.get("/api/host/failback", SandboxFixture.TOKEN).status());
        // the document says the body is an object ({}): anything else is refused, as the fuzz run found
        for (String body : new String[] {"[]", "7", "\"x\"", "null"}) {
            assertEquals(400, api.client.post("/api/host/failback", body, SandboxFixture.TOKEN).status(), body);
        }
    }
}
