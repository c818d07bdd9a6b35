package cn.yibao.terminal.cli;

import cn.yibao.terminal.operator.Operator;
import cn.yibao.terminal.operator.OperatorDb;
import cn.yibao.terminal.operator.OperatorRefusedException;
import cn.yibao.terminal.operator.Operators;
import cn.yibao.terminal.operator.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code terminal operator add|list|disable|enable|passwd}: the counter's operators, kept in the data
 * directory ({@value OperatorDb#FILE}, owner-only). Passwords are read without echo from the
 * console, or as one line from standard input with {@code --password-stdin} (scripts, tests).
 */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = "Manage the console's operators (cashiers and supervisors).",
        subcommands = {OperatorCommand.Add.class, OperatorCommand.ListOps.class, OperatorCommand.Disable.class,
            OperatorCommand.Enable.class, OperatorCommand.Passwd.class})
final class OperatorCommand {

    /** Options every subcommand shares. */
    static final class Common {
        @Mixin
        DataDirOption dataDir;

        @Option(names = "--password-stdin", description = "Read the password as one line from standard input.")
        boolean passwordStdin;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        <T> T withOperators(Function<Operators, T> work) {
            try (OperatorDb db = OperatorDb.open(dataDir.resolve(TerminalMain.APP))) {
                return work.apply(new Operators(db, Clock.systemUTC()));
            } catch (OperatorRefusedException e) {
                throw new RefusedException(e.refusal());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }

        /** @return the password, from stdin or typed twice on the console without echo */
        char[] password() throws IOException {
            if (passwordStdin) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = in.readLine();
                if (line == null || line.isEmpty()) {
                    throw new BadInputException("no password on standard input");
                }
                return line.toCharArray();
            }
            java.io.Console console = System.console();
            if (console == null) {
                throw new BadInputException("no console to read the password from: use --password-stdin");
            }
            char[] first = console.readPassword("password: ");
            char[] again = console.readPassword("password again: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new BadInputException("the two passwords differ");
            }
            Arrays.fill(again, '\0');
            return first;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an operator.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "ID", description = "Operator id (工号): letters, digits, - or _.")
        String id;

        @Option(names = "--name", required = true, description = "Operator's name, as printed on receipts.")
        String name;

        @Option(names = "--role", defaultValue = "cashier", description = "cashier (default) or supervisor.")
        String role;

        @Override
        public Integer call() throws IOException {
            Role r;
            try {
                r = Role.of(role);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            char[] password = common.password();
            try {
                Operator op = common.withOperators(ops -> ops.add(id, name, r, password));
                common.out().println("added " + op.id() + " " + op.name() + " " + op.role().wire());
            } finally {
                Arrays.fill(password, '\0');
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the operators.")
    static final class ListOps implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() {
            for (Operator op : common.withOperators(Operators::list)) {
                common.out().println(op.id() + "\t" + op.name() + "\t" + op.role().wire()
                        + (op.disabled() ? "\tdisabled" : ""));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code disable} and {@code enable}: one operator's login switched off or on. */
    abstract static class Switch implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        /** @return whether this command disables */
        abstract boolean disables();

        @Override
        public Integer call() {
            common.withOperators(ops -> {
                ops.disable(id, disables());
                return null;
            });
            common.out().println((disables() ? "disabled " : "enabled ") + id);
            return ExitCodes.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an operator: no more logins, open console sessions end.")
    static final class Disable extends Switch {
        @Override
        boolean disables() {
            return true;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled operator again.")
    static final class Enable extends Switch {
        @Override
        boolean disables() {
            return false;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set an operator's password (also lifts a lockout).")
    static final class Passwd implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws IOException {
            char[] password = common.password();
            try {
                common.withOperators(ops -> {
                    ops.passwd(id, password);
                    return null;
                });
            } finally {
                Arrays.fill(password, '\0');
            }
            common.out().println("password set for " + id);
            return ExitCodes.OK;
        }
    }
}
