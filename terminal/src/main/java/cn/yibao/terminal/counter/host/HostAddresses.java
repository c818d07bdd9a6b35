package cn.yibao.terminal.counter.host;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The central host's addresses in order of preference: the first is the preferred instance, the
 * others take over when it stops answering (all instances share one store, so any of them accepts
 * the terminal). Written {@code hostA:7443,hostB:7443}.
 *
 * @param all the addresses, preferred first: 1 to {@value #MAX}, no duplicates
 */
public record HostAddresses(List<HostAddress> all) {

    /** Most addresses in one list. */
    public static final int MAX = 16;

    public HostAddresses {
        if (all == null || all.isEmpty()) {
            throw new IllegalArgumentException("at least one host address required");
        }
        all = List.copyOf(all);
        if (all.size() > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " host addresses, not " + all.size());
        }
        Set<HostAddress> seen = new HashSet<>();
        for (HostAddress a : all) {
            if (!seen.add(a)) {
                throw new IllegalArgumentException("host address " + a + " listed twice");
            }
        }
    }

    /** @return the list of the one address {@code address} */
    public static HostAddresses of(HostAddress address) {
        return new HostAddresses(List.of(address));
    }

    /**
     * Parses {@code HOST:PORT[,HOST:PORT…]} (blanks around the commas allowed); a bad entry is named
     * in the error with its position.
     */
    public static HostAddresses parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected HOST:PORT[,HOST:PORT…], e.g. 127.0.0.1:7443");
        }
        String[] entries = text.split(",", -1);
        if (entries.length > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " host addresses, not " + entries.length);
        }
        HostAddress[] parsed = new HostAddress[entries.length];
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            try {
                parsed[i] = HostAddress.parse(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("address " + (i + 1) + " \"" + entry + "\": " + e.getMessage(), e);
            }
        }
        return new HostAddresses(List.of(parsed));
    }

    /** @return the preferred address */
    public HostAddress preferred() {
        return all.get(0);
    }

    /** @return how many addresses */
    public int size() {
        return all.size();
    }

    /** @return the list as written in {@code host.properties}: {@code hostA:7443,hostB:7443} */
    @Override
    public String toString() {
        return all.stream().map(HostAddress::toString).collect(Collectors.joining(","));
    }
}
