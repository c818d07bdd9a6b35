package cn.yibao.terminal.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void sessionsAndUsedLinksOutliveARestartAndOnlyHashesAreKept() throws Exception {
        try (OperatorDb db = OperatorDb.open(dir)) {
            SessionStore s = new SessionStore(db, 4);
            s.open("cookie-value-aaaaaaaaaaaaaaaa", "1001", T0, T0.plus(Duration.ofHours(12)));
            assertTrue(s.redeem("nonce-1", T0.plusSeconds(300), T0, 100));
        }
        assertFalse(new String(Files.readAllBytes(dir.resolve(OperatorDb.FILE)), StandardCharsets.ISO_8859_1)
                .contains("cookie-value-aaaaaaaaaaaaaaaa"), "the cookie value itself is not kept");
        try (OperatorDb db = OperatorDb.open(dir)) {
            SessionStore s = new SessionStore(db, 4);
            assertEquals(Optional.of("1001"), s.operatorOf("cookie-value-aaaaaaaaaaaaaaaa", T0.plusSeconds(3600)));
            assertEquals(Optional.empty(), s.operatorOf("cookie-value-aaaaaaaaaaaaaaaa", T0.plus(Duration.ofHours(12))));
            assertFalse(s.redeem("nonce-1", T0.plusSeconds(300), T0.plusSeconds(10), 100), "used before the restart");
            assertTrue(s.redeem("nonce-1", T0.plusSeconds(900), T0.plusSeconds(301), 100), "forgotten once expired");
        }
    }

    @Test
    void beyondTheBoundTheOldestSessionEndsAndNoOther() {
        try (OperatorDb db = OperatorDb.inMemory()) {
            SessionStore s = new SessionStore(db, 3);
            Instant end = T0.plus(Duration.ofHours(12));
            for (int i = 1; i <= 4; i++) {
                s.open("session-" + i, "100" + i, T0.plusSeconds(i), end);
            }
            assertEquals(3, s.count());
            assertEquals(Optional.empty(), s.operatorOf("session-1", T0.plusSeconds(10)));
            for (int i = 2; i <= 4; i++) {
                assertEquals(Optional.of("100" + i), s.operatorOf("session-" + i, T0.plusSeconds(10)));
            }
            s.close("session-3");
            assertEquals(Optional.empty(), s.operatorOf("session-3", T0.plusSeconds(10)));
        }
    }

    @Test
    void aFloodOfLinksIsRefusedRatherThanAUsedOneForgotten() {
        try (OperatorDb db = OperatorDb.inMemory()) {
            SessionStore s = new SessionStore(db, 3);
            assertTrue(s.redeem("a", T0.plusSeconds(300), T0, 2));
            assertTrue(s.redeem("b", T0.plusSeconds(300), T0, 2));
            assertFalse(s.redeem("c", T0.plusSeconds(300), T0, 2));
        }
    }
}
