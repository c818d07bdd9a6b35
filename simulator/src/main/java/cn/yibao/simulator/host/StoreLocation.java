package cn.yibao.simulator.host;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the host keeps its data: an embedded SQLite file (the default, one host process) or a
 * PostgreSQL database shared by several host instances. Written on the command line as
 * {@code --store sqlite:FILE} (or {@code sqlite:DIR}, for {@code host.db} in it), {@code --store postgresql://HOST:PORT/DB?user=…} (or the full JDBC
 * URL), or {@code --store FILE.properties} with {@code url}, {@code user}, {@code password} and
 * {@code pool_size} — the form to use when a password is needed, so that it never shows in a
 * process listing.
 *
 * @param kind     the database
 * @param sqlite   the SQLite file (SQLITE only)
 * @param jdbcUrl  the PostgreSQL JDBC URL (POSTGRESQL only)
 * @param user     PostgreSQL user, or null to take it from the URL
 * @param password PostgreSQL password, or null
 * @param poolSize connections per host instance (POSTGRESQL), 1..64
 */
public record StoreLocation(Kind kind, Path sqlite, String jdbcUrl, String user, String password, int poolSize) {

    /** The two stores. */
    public enum Kind { SQLITE, POSTGRESQL }

    /** Connections per host instance unless told: the application threads of a 2-core host, plus one. */
    public static final int DEFAULT_POOL = 5;

    private static final Pattern PG_URL = Pattern.compile("jdbc:postgresql://[^\\s]{1,1000}");

    public StoreLocation {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SQLITE && (sqlite == null || jdbcUrl != null)) {
            throw new IllegalArgumentException("a SQLite store is a file");
        }
        if (kind == Kind.POSTGRESQL && (jdbcUrl == null || !PG_URL.matcher(jdbcUrl).matches() || sqlite != null)) {
            throw new IllegalArgumentException("a PostgreSQL store is a URL jdbc:postgresql://HOST:PORT/DB");
        }
        if (poolSize < 1 || poolSize > 64) {
            throw new IllegalArgumentException("pool_size must be 1..64");
        }
    }

    /** @return the SQLite store in {@code file} */
    public static StoreLocation sqlite(Path file) {
        return new StoreLocation(Kind.SQLITE, file, null, null, null, 1);
    }

    /** @return a PostgreSQL store at {@code jdbcUrl} with the default pool */
    public static StoreLocation postgresql(String jdbcUrl, String user, String password) {
        return new StoreLocation(Kind.POSTGRESQL, null, jdbcUrl, user, password, DEFAULT_POOL);
    }

    /**
     * Parses a {@code --store} value; {@code defaultFile} is the SQLite file when {@code spec} is
     * null or empty.
     */
    public static StoreLocation parse(String spec, Path defaultFile) {
        if (spec == null || spec.isBlank()) {
            return sqlite(defaultFile);
        }
        if (spec.startsWith("sqlite:")) {
            String f = spec.substring("sqlite:".length());
            if (f.isEmpty()) {
                throw new IllegalArgumentException("sqlite: needs a file, e.g. sqlite:/var/lib/yibao/host.db");
            }
            Path at = Path.of(f);
            // a directory names the host's usual file in it
            return sqlite(Files.isDirectory(at) ? at.resolve(HostSimulator.SQLITE_FILE) : at);
        }
        if (spec.startsWith("postgresql://") || spec.startsWith("postgres://")) {
            return postgresql("jdbc:postgresql://" + spec.substring(spec.indexOf("://") + 3), null, null);
        }
        if (spec.startsWith("jdbc:postgresql://")) {
            return postgresql(spec, null, null);
        }
        if (spec.endsWith(".properties")) {
            return fromFile(Path.of(spec));
        }
        throw new IllegalArgumentException("--store: expected sqlite:FILE, postgresql://HOST:PORT/DB or FILE.properties,"
                + " not " + spec.substring(0, Math.min(spec.length(), 40)));
    }

    private static StoreLocation fromFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the store settings " + file + ": " + e.getMessage(), e);
        }
        String url = p.getProperty("url", "").trim();
        if (url.isEmpty()) {
            throw new IllegalArgumentException(file + ": url= is required");
        }
        StoreLocation base = parse(url, null);
        if (base.kind() == Kind.SQLITE) {
            return base;
        }
        int pool;
        try {
            pool = Integer.parseInt(p.getProperty("pool_size", String.valueOf(DEFAULT_POOL)).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": pool_size must be a number", e);
        }
        return new StoreLocation(Kind.POSTGRESQL, null, base.jdbcUrl(), blankToNull(p.getProperty("user")),
                blankToNull(p.getProperty("password")), pool);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** @return the store for logs: the file, or the URL without its query (which may hold a password) */
    @Override
    public String toString() {
        if (kind == Kind.SQLITE) {
            return "sqlite:" + sqlite;
        }
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }
}
