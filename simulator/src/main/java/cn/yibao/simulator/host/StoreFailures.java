package cn.yibao.simulator.host;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-line explanations of why the host store could not be opened, for the operator: the store's
 * address (the URL without its query, which may hold a password), the role, and the causes as the
 * driver gave them, without stack traces or advice the operator cannot act on.
 */
final class StoreFailures {

    /** Longest explanation: one console line or two. */
    static final int MAX_REASON = 240;

    private static final Pattern USER_PARAM = Pattern.compile("[?&]user=([^&]{1,64})");
    private static final String HIKARI_PREFIX = "Failed to initialize pool: ";

    private StoreFailures() {
    }

    /** @return "cannot connect to the host store URL as role R: why; check …" */
    static String cannotConnect(StoreLocation at, Throwable e) {
        return "cannot connect to the host store " + at + " as role " + role(at) + ": " + reason(e)
                + " (check the address, that the database answers, the role and its password)";
    }

    /** @return the PostgreSQL role the store connects as (from the settings, or the URL, or the OS user) */
    static String role(StoreLocation at) {
        if (at.user() != null) {
            return at.user();
        }
        if (at.jdbcUrl() != null) {
            Matcher m = USER_PARAM.matcher(at.jdbcUrl());
            if (m.find()) {
                return m.group(1);
            }
        }
        return System.getProperty("user.name", "?");
    }

    /** @return the messages of {@code e} and its causes, each once, on one bounded line */
    static String reason(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m == null || m.isBlank()) {
                m = t.getClass().getSimpleName();
            }
            m = firstLine(m);
            if (m.startsWith(HIKARI_PREFIX)) {
                m = m.substring(HIKARI_PREFIX.length());
            }
            String msg = m;
            if (parts.stream().noneMatch(p -> p.contains(msg))) {
                parts.add(msg);
            }
        }
        String joined = String.join(": ", parts);
        return joined.length() <= MAX_REASON ? joined : joined.substring(0, MAX_REASON) + "…";
    }

    /** @return the first non-blank line of {@code m}, trimmed */
    static String firstLine(String m) {
        for (String line : m.split("\\R")) {
            if (!line.isBlank()) {
                return line.trim();
            }
        }
        return m.trim();
    }
}
