package cn.yibao.terminal.pcsc;

import javax.smartcardio.CardTerminal;

/**
 * Which PC/SC reader to use: by its position in pcscd's list ({@code "0"}, {@code "1"}) or by
 * name, exact or a unique part of it ({@code "Virtual PCD 00 01"}, {@code "ACR122"}).
 *
 * @param name the name or part of it, or null when selecting by index
 * @param index the position, or -1 when selecting by name
 */
public record ReaderSelector(String name, int index) {

    private static final int MAX_SPEC = 200;

    public ReaderSelector {
        if ((name == null) == (index < 0)) {
            throw new IllegalArgumentException("select a reader either by name or by index");
        }
        if (name != null && (name.isBlank() || name.length() > MAX_SPEC)) {
            throw new IllegalArgumentException("reader name must be 1.." + MAX_SPEC + " characters");
        }
    }

    /** Parses a selector: digits are an index, anything else a name. */
    public static ReaderSelector parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("reader selector is empty");
        }
        String s = spec.strip();
        if (s.length() <= 3 && s.chars().allMatch(Character::isDigit)) {
            return new ReaderSelector(null, Integer.parseInt(s));
        }
        return new ReaderSelector(s, -1);
    }

    /** Finds the reader among pcscd's. */
    public CardTerminal find(PcscReaders readers) {
        return name != null ? readers.byName(name) : readers.byIndex(index);
    }

    @Override
    public String toString() {
        return name != null ? "'" + name + "'" : "#" + index;
    }
}
