package cn.yibao.terminal.pcsc;

import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * Finds a PC/SC reader by name or by its position in pcscd's list. A name matches exactly, or
 * else as the one reader whose name contains it ("PCD 00 00", "ACR122").
 */
public final class PcscReaders {

    private final TerminalFactory factory;

    private PcscReaders(TerminalFactory factory) {
        this.factory = factory;
    }

    /**
     * Connects to pcscd through the configured pcsclite library.
     *
     * @throws ReaderException {@link ReaderRefusal#PCSC_UNAVAILABLE} if pcscd cannot be reached
     */
    public static PcscReaders connect() {
        try {
            return new PcscReaders(PcscStatus.factory());
        } catch (CardException e) {
            throw new ReaderException(ReaderRefusal.PCSC_UNAVAILABLE, e.getMessage(), e);
        }
    }

    /** @return the readers pcscd knows, empty if none */
    public List<CardTerminal> list() {
        try {
            return factory.terminals().list();
        } catch (CardException e) {
            // WORKAROUND: javax.smartcardio throws SCARD_E_NO_READERS_AVAILABLE instead of an empty list.
            if (String.valueOf(e.getCause()).contains("SCARD_E_NO_READERS_AVAILABLE")) {
                return List.of();
            }
            throw new ReaderException(ReaderRefusal.PCSC_UNAVAILABLE, "cannot list readers: " + e.getMessage(), e);
        }
    }

    /** @throws ReaderException {@link ReaderRefusal#NO_READER} unless exactly one reader matches */
    public CardTerminal byName(String name) {
        List<CardTerminal> readers = list();
        for (CardTerminal reader : readers) {
            if (reader.getName().equals(name)) {
                return reader;
            }
        }
        List<CardTerminal> partial = readers.stream().filter(r -> r.getName().contains(name)).toList();
        if (partial.size() == 1) {
            return partial.get(0);
        }
        throw new ReaderException(ReaderRefusal.NO_READER, (partial.isEmpty() ? "no reader named '" + name + "'"
                : partial.size() + " readers match '" + name + "'") + "; readers: " + names(readers), null);
    }

    /** @throws ReaderException {@link ReaderRefusal#NO_READER} if there is no reader at {@code index} */
    public CardTerminal byIndex(int index) {
        List<CardTerminal> readers = list();
        if (index < 0 || index >= readers.size()) {
            throw new ReaderException(ReaderRefusal.NO_READER, "no reader number " + index + "; readers: "
                    + names(readers), null);
        }
        return readers.get(index);
    }

    private static List<String> names(List<CardTerminal> readers) {
        return readers.stream().map(CardTerminal::getName).toList();
    }
}
