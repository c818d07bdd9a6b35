package cn.yibao.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.operator.OperatorDb;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code terminal operator add|list|disable|enable|passwd}, passwords from standard input. */
class OperatorCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cl = Cli.commandLine(new TerminalMain());
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--data-dir";
            all[args.length + 1] = dir.toString();
            return cl.execute(all);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void addListDisablePasswd() throws Exception {
        assertEquals(ExitCodes.OK, run("cashier-pw\n", "operator", "add", "1001", "--name", "王收银", "--password-stdin"));
        assertEquals(ExitCodes.OK, run("super-pw-1\n", "operator", "add", "9001", "--name", "赵主管", "--role",
                "supervisor", "--password-stdin"));
        assertEquals(ExitCodes.REFUSED, run("another-pw\n", "operator", "add", "1001", "--name", "重复", "--password-stdin"));
        assertTrue(err.toString().contains("OPERATOR_EXISTS"), err.toString());
        assertEquals(ExitCodes.REFUSED, run("12345\n", "operator", "add", "1002", "--name", "短", "--password-stdin"));
        assertTrue(err.toString().contains("PASSWORD_TOO_WEAK"), err.toString());
        assertEquals(ExitCodes.USAGE, run("", "operator", "add", "1003", "--name", "无密码", "--password-stdin"));
        assertEquals(ExitCodes.USAGE, run("x-pw-123\n", "operator", "add", "1004", "--name", "x", "--role", "boss",
                "--password-stdin"));
        assertEquals(ExitCodes.OK, run("", "operator", "disable", "1001"));
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("", "operator", "list"));
        assertEquals("1001\t王收银\tcashier\tdisabled\n9001\t赵主管\tsupervisor\n", out.toString());
        assertEquals(ExitCodes.OK, run("new-cashier-pw\n", "operator", "passwd", "1001", "--password-stdin"));
        assertEquals(ExitCodes.REFUSED, run("new-cashier-pw\n", "operator", "passwd", "7777", "--password-stdin"));

        Path file = dir.resolve(OperatorDb.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("cashier-pw") || bytes.contains("super-pw-1"), "no password in clear");
        String log = Files.exists(dir.resolve("logs/terminal.log")) ? Files.readString(dir.resolve("logs/terminal.log")) : "";
        assertFalse(log.contains("cashier-pw") || log.contains("argon2id"), "neither passwords nor hashes are logged");
    }
}
