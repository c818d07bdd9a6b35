package cn.yibao.terminal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The cashier console's static files (HTML, CSS, vanilla JS) from the class path under
 * {@code console/}, loaded once; only the listed names are served.
 */
final class ConsoleFiles {

    /** A file to serve. */
    record File(String contentType, byte[] body) {
        File {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("index.html", "text/html; charset=utf-8"),
            Map.entry("console.css", "text/css; charset=utf-8"),
            Map.entry("console.js", "text/javascript; charset=utf-8"),
            Map.entry("login.html", "text/html; charset=utf-8"),
            Map.entry("login.js", "text/javascript; charset=utf-8"),
            Map.entry("cancel.js", "text/javascript; charset=utf-8"),
            Map.entry("shift.html", "text/html; charset=utf-8"),
            Map.entry("shift.js", "text/javascript; charset=utf-8"),
            Map.entry("operator.css", "text/css; charset=utf-8"),
            Map.entry("api.js", "text/javascript; charset=utf-8"),
            Map.entry("sale.js", "text/javascript; charset=utf-8"),
            Map.entry("pay.js", "text/javascript; charset=utf-8"));

    private final Map<String, File> files;

    ConsoleFiles() {
        java.util.HashMap<String, File> loaded = new java.util.HashMap<>();
        TYPES.forEach((name, type) -> loaded.put(name, new File(type, load(name))));
        files = Map.copyOf(loaded);
    }

    private static byte[] load(String name) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file for a path below {@code /console/} ("" is index.html), or null */
    File get(String name) {
        return files.get(name.isEmpty() ? "index.html" : name);
    }
}
