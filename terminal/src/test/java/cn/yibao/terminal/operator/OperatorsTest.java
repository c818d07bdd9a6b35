package cn.yibao.terminal.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.testing.MovingClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorsTest {

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock();

    private static OperatorRefusal refusal(Runnable r) {
        return assertThrows(OperatorRefusedException.class, r::run).refusal();
    }

    @Test
    void addListDisablePasswdInAnOwnerOnlyFileWithoutThePassword() throws Exception {
        try (OperatorDb db = OperatorDb.open(dir)) {
            Operators ops = new Operators(db, clock);
            ops.add("1001", "张三", Role.CASHIER, "zhang-pw-1".toCharArray());
            ops.add("9001", "李主管", Role.SUPERVISOR, "li-pw-9001".toCharArray());
            assertEquals(OperatorRefusal.OPERATOR_EXISTS,
                    refusal(() -> ops.add("1001", "又一个", Role.CASHIER, "another-pw".toCharArray())));
            assertEquals(OperatorRefusal.PASSWORD_TOO_WEAK,
                    refusal(() -> ops.add("1002", "王五", Role.CASHIER, "12345".toCharArray())));
            assertEquals(List.of(new Operator("1001", "张三", Role.CASHIER, false),
                    new Operator("9001", "李主管", Role.SUPERVISOR, false)), ops.list());
            assertEquals("张三", ops.authenticate("1001", "zhang-pw-1".toCharArray()).name());

            ops.disable("1001", true);
            assertTrue(ops.find("1001").orElseThrow().disabled());
            assertEquals(OperatorRefusal.OPERATOR_DISABLED, refusal(() -> ops.authenticate("1001", "zhang-pw-1".toCharArray())));
            ops.disable("1001", false);

            ops.passwd("1001", "new-zhang-pw".toCharArray());
            assertEquals(OperatorRefusal.OPERATOR_LOGIN_FAILED, refusal(() -> ops.authenticate("1001", "zhang-pw-1".toCharArray())));
            assertEquals("1001", ops.authenticate("1001", "new-zhang-pw".toCharArray()).id());
            assertEquals(OperatorRefusal.OPERATOR_UNKNOWN, refusal(() -> ops.passwd("nobody", "whatever-pw".toCharArray())));
        }
        Path file = dir.resolve(OperatorDb.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("new-zhang-pw") || bytes.contains("li-pw-9001"), "a password in clear");
        assertTrue(bytes.contains("$argon2id$v=19$m=19456,t=2,p=1$"), "Argon2id hashes");
    }

    @Test
    void unknownIdAndWrongPasswordGetTheSameAnswer() {
        try (OperatorDb db = OperatorDb.inMemory()) {
            Operators ops = new Operators(db, clock);
            ops.add("1001", "张三", Role.CASHIER, "zhang-pw-1".toCharArray());
            assertEquals(OperatorRefusal.OPERATOR_LOGIN_FAILED, refusal(() -> ops.authenticate("1001", "wrong-pw".toCharArray())));
            assertEquals(OperatorRefusal.OPERATOR_LOGIN_FAILED, refusal(() -> ops.authenticate("1999", "wrong-pw".toCharArray())));
        }
    }

    @Test
    void fiveWrongPasswordsLockForFifteenMinutesEvenTheRightOne() {
        try (OperatorDb db = OperatorDb.inMemory()) {
            Operators ops = new Operators(db, clock);
            ops.add("1001", "张三", Role.CASHIER, "zhang-pw-1".toCharArray());
            // a right password resets the count
            for (int i = 0; i < 4; i++) {
                refusal(() -> ops.authenticate("1001", "wrong-pw".toCharArray()));
            }
            ops.authenticate("1001", "zhang-pw-1".toCharArray());
            for (int i = 0; i < 4; i++) {
                assertEquals(OperatorRefusal.OPERATOR_LOGIN_FAILED, refusal(() -> ops.authenticate("1001", "wrong-pw".toCharArray())));
            }
            assertEquals(OperatorRefusal.OPERATOR_LOCKED, refusal(() -> ops.authenticate("1001", "wrong-pw".toCharArray())));
            assertEquals(OperatorRefusal.OPERATOR_LOCKED, refusal(() -> ops.authenticate("1001", "zhang-pw-1".toCharArray())));
            clock.advance(Duration.ofMinutes(14));
            assertEquals(OperatorRefusal.OPERATOR_LOCKED, refusal(() -> ops.authenticate("1001", "zhang-pw-1".toCharArray())));
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            assertEquals("1001", ops.authenticate("1001", "zhang-pw-1".toCharArray()).id());
            // a supervisor's new password lifts a lock at once
            for (int i = 0; i < 5; i++) {
                refusal(() -> ops.authenticate("1001", "wrong-pw".toCharArray()));
            }
            ops.passwd("1001", "reset-pw-1".toCharArray());
            assertEquals("1001", ops.authenticate("1001", "reset-pw-1".toCharArray()).id());
        }
    }
}
