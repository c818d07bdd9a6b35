package cn.yibao.simulator.host;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of the project's own: {@code initdb} into a directory, {@code pg_ctl}
 * on a loopback port, trust authentication for its one user {@value #USER}, no Unix socket. Never
 * touches a system cluster. PostgreSQL refuses to run as root, so as root the cluster belongs to
 * the {@code postgres} user (made by Debian's package) and its programs run through
 * {@code runuser}. For tests, {@code simulator host db}, and a person trying several host
 * instances on one machine.
 */
public final class LocalPostgres {

    /** The cluster's superuser, who owns the databases. */
    public static final String USER = "yibao";
    private static final Pattern DB_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path dir;
    private final int port;
    private final Path bin;
    private final String runAs;

    private LocalPostgres(Path dir, int port, Path bin, String runAs) {
        this.dir = dir;
        this.port = port;
        this.bin = bin;
        this.runAs = runAs;
    }

    /**
     * Creates the cluster in {@code dir} (if it has none yet) and starts it on {@code port} (0: a
     * free one). {@code durable} false turns fsync off: for tests, where the machine does not lose power.
     */
    public static LocalPostgres start(Path dir, int port, boolean durable) throws IOException, InterruptedException {
        Path bin = binaries();
        String runAs = "root".equals(System.getProperty("user.name")) ? "postgres" : null;
        LocalPostgres pg = new LocalPostgres(dir.toAbsolutePath(), port == 0 ? freePort() : port, bin, runAs);
        pg.init(durable);
        pg.startServer();
        return pg;
    }

    /** @return a running cluster's handle from its directory (for {@code stop} from another process) */
    public static LocalPostgres of(Path dir) throws IOException {
        Path d = dir.toAbsolutePath();
        String conf = Files.readString(d.resolve("data").resolve("postgresql.auto.conf"), StandardCharsets.UTF_8);
        int port = Integer.parseInt(conf.replaceAll("(?s).*\\bport = '?(\\d+).*", "$1"));
        return new LocalPostgres(d, port, binaries(), "root".equals(System.getProperty("user.name")) ? "postgres" : null);
    }

    /** @return the directory of Debian's PostgreSQL programs, the newest version installed */
    static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IOException("PostgreSQL is not installed (Debian package postgresql; scripts/test.sh installs it)");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IOException("no initdb under " + root));
        }
    }

    private void init(boolean durable) throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return;
        }
        Files.createDirectories(dir);
        if (runAs != null) {
            run(List.of("chown", runAs, dir.toString()), Duration.ofSeconds(10));
            try {
                run(command("test", "-w", dir.toString()), Duration.ofSeconds(10));
            } catch (IOException e) {
                throw new IOException("the " + runAs + " user cannot reach " + dir + ": every directory above it must be"
                        + " searchable by others (chmod o+x), or take a directory under /tmp", e);
            }
        }
        run(command("initdb", "-D", data.toString(), "-U", USER, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8",
                "--no-instructions"), Duration.ofMinutes(2));
        StringBuilder conf = new StringBuilder()
                .append("port = ").append(port).append('\n')
                .append("listen_addresses = '127.0.0.1'\n")
                .append("unix_socket_directories = ''\n")
                .append("max_connections = 200\n")
                .append("shared_preload_libraries = 'pg_stat_statements'\n")
                .append("pg_stat_statements.track = all\n");
        if (!durable) {
            conf.append("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
        }
        Path auto = data.resolve("postgresql.auto.conf");
        run(command("sh", "-c", "cat >> '" + auto + "'"), Duration.ofSeconds(10), conf.toString());
    }

    private void startServer() throws IOException, InterruptedException {
        run(command(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "start"), Duration.ofSeconds(90));
    }

    /** Starts the stopped cluster again (same directory, same port). */
    public void restart() throws IOException, InterruptedException {
        startServer();
    }

    /** Stops the cluster (fast shutdown: open transactions are rolled back). */
    public void stop() throws IOException, InterruptedException {
        run(command(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"),
                Duration.ofSeconds(90));
    }

    /** Creates the database {@code name} (owned by {@value #USER}) if missing; @return its JDBC URL */
    public String createDatabase(String name) throws SQLException {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name: lower-case letters, digits and _");
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname='" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(name), USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        return jdbcUrl(name);
    }

    /** @return the JDBC URL of database {@code name}, with the user */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=" + USER;
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the cluster's directory */
    public Path dir() {
        return dir;
    }

    /** @return the process id of the postmaster (the server's parent process) */
    public long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0).trim());
    }

    private List<String> command(String program, String... args) {
        List<String> cmd = new ArrayList<>();
        if (runAs != null) {
            cmd.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        cmd.add(program.contains("/") || program.equals("sh") || program.equals("test") ? program
                : bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void run(List<String> cmd, Duration limit) throws IOException, InterruptedException {
        run(cmd, limit, null);
    }

    private static void run(List<String> cmd, Duration limit, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile("yibao-pg", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": no answer in " + limit.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): "
                        + Files.readString(out, StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
